import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeKey, moveCursor } from '../src/keyboard.js';

const key = (k, extra = {}) => ({ key: k, repeat: false, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'BODY', onControl: false, onCanvas: false, ...extra });
const view = (extra = {}) => ({ ready: true, zoomed: false, viewportSize: 100, activePair: null, queuePair: null, ...extra });

test('S, D and Backspace label the active pair', () => {
  const active = { activePair: { i: 2, j: 3 } };
  assert.deepEqual(routeKey(key('s'), view(active)), { type: 'label', i: 2, j: 3, label: 1 });
  assert.deepEqual(routeKey(key('D'), view(active)), { type: 'label', i: 2, j: 3, label: -1 });
  assert.deepEqual(routeKey(key('Backspace'), view(active)), { type: 'label', i: 2, j: 3, label: 0 });
});

test('S acts on the pair shown as active, not on the queue pair, once the user selected another cell', () => {
  const v = view({ activePair: { i: 7, j: 1 }, queuePair: { i: 4, j: 9 } });
  assert.deepEqual(routeKey(key('s'), v), { type: 'label', i: 7, j: 1, label: 1 });
  assert.deepEqual(routeKey(key('Enter'), v), { type: 'skip' }, 'Enter still skips the queue pair');
});

test('no active pair, or the diagonal: label keys do nothing, undo still works', () => {
  assert.equal(routeKey(key('s'), view()), null);
  assert.equal(routeKey(key('s'), view({ activePair: { i: 3, j: 3 } })), null);
  assert.deepEqual(routeKey(key('z'), view()), { type: 'undo' });
});

test('a held key repeats nothing: auto-repeat of label, undo and skip keys is ignored', () => {
  const v = view({ activePair: { i: 0, j: 1 }, queuePair: { i: 0, j: 1 } });
  for (const k of ['s', 'd', '0', 'z', 'Enter']) assert.equal(routeKey(key(k, { repeat: true }), v), null, k);
  // moving the cursor may repeat
  assert.deepEqual(routeKey(key('ArrowRight', { repeat: true, onCanvas: true }), v), { type: 'cursor', rows: 0, cols: 1 });
});

test('Enter on a focused button presses the button instead of skipping', () => {
  const v = view({ queuePair: { i: 4, j: 9 } });
  assert.equal(routeKey(key('Enter', { targetTag: 'BUTTON', onControl: true }), v), null);
  assert.deepEqual(routeKey(key('Enter'), v), { type: 'skip' });
  assert.equal(routeKey(key('Enter'), view()), null, 'no queue, nothing to skip');
});

test('keys typed into a field or with a modifier are left to the browser', () => {
  assert.equal(routeKey(key('s', { targetTag: 'INPUT' }), view({ activePair: { i: 0, j: 1 } })), null);
  assert.equal(routeKey(key('z', { ctrlKey: true }), view()), null);
  assert.equal(routeKey(key('s'), view({ ready: false, activePair: { i: 0, j: 1 } })), null);
});

test('on the heatmap, arrows move the cell cursor and Enter selects its cell', () => {
  assert.deepEqual(routeKey(key('ArrowUp', { onCanvas: true }), view()), { type: 'cursor', rows: -1, cols: 0 });
  assert.deepEqual(routeKey(key('Enter', { onCanvas: true }), view({ queuePair: { i: 0, j: 1 } })), { type: 'select-cursor' });
});

test('elsewhere, arrows pan by an eighth of the viewport only when zoomed in', () => {
  assert.deepEqual(routeKey(key('ArrowDown'), view({ zoomed: true, viewportSize: 80 })), { type: 'pan', rows: 10, cols: 0 });
  assert.deepEqual(routeKey(key('ArrowLeft'), view({ zoomed: true, viewportSize: 3 })), { type: 'pan', rows: 0, cols: -1 });
  assert.equal(routeKey(key('ArrowDown'), view()), null);
});

test('the cursor stays inside the matrix', () => {
  assert.deepEqual(moveCursor({ row: 0, col: 4 }, -1, 1, 5), { row: 0, col: 4 });
  assert.deepEqual(moveCursor({ row: 2, col: 2 }, 1, -1, 5), { row: 3, col: 1 });
});

test('the active pair: the queue pair once shown, the selection once the user picks a cell', async () => {
  const { shownPairs } = await import('../src/keyboard.js');
  const selected = { i: 1, j: 5 };
  const queuePair = { i: 2, j: 7 };
  assert.deepEqual(shownPairs({ focus: 'queue', selected, queuePair }), { active: queuePair, other: selected, panel: 'queue' });
  assert.deepEqual(shownPairs({ focus: 'selection', selected, queuePair }), { active: selected, other: queuePair, panel: 'selection' });
  // the queue stopped: its focus falls back to the selection
  assert.deepEqual(shownPairs({ focus: 'queue', selected, queuePair: null }), { active: selected, other: null, panel: 'selection' });
  assert.deepEqual(shownPairs({ focus: 'selection', selected: null, queuePair: null }), { active: null, other: null, panel: null });
});

test('the cursor names the pair of its cell, and starts on the selection or the viewport\'s corner', async () => {
  const { cursorCell, startCursor } = await import('../src/keyboard.js');
  const order = [2, 0, 1];
  const position = [1, 2, 0];
  assert.deepEqual(cursorCell({ row: 0, col: 2 }, order), { row: 0, col: 2, i: 2, j: 1 });
  assert.equal(cursorCell(null, order), null);
  assert.deepEqual(startCursor({ i: 2, j: 1 }, position, { row0: 1, col0: 1 }), { row: 0, col: 2 });
  assert.deepEqual(startCursor(null, position, { row0: 1, col0: 2 }), { row: 1, col: 2 });
});

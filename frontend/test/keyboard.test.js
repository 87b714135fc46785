import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeKey } from '../src/keyboard.js';

const key = (k, extra = {}) => ({ key: k, repeat: false, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'BODY', ...extra });
const view = (extra = {}) => ({ ready: true, zoomed: false, viewportSize: 100, queuePair: null, selected: null, ...extra });

test('S and D label the selected pair', () => {
  assert.deepEqual(routeKey(key('s'), view({ selected: { i: 2, j: 3 } })), { type: 'label', i: 2, j: 3, label: 1 });
  assert.deepEqual(routeKey(key('D'), view({ selected: { i: 2, j: 3 } })), { type: 'label', i: 2, j: 3, label: -1 });
  assert.deepEqual(routeKey(key('Backspace'), view({ selected: { i: 2, j: 3 } })), { type: 'label', i: 2, j: 3, label: 0 });
});

test('nothing selected and no queue: label keys do nothing, undo still works', () => {
  assert.equal(routeKey(key('s'), view()), null);
  assert.deepEqual(routeKey(key('z'), view()), { type: 'undo' });
});

test('keys typed into a field or with a modifier are left to the browser', () => {
  assert.equal(routeKey(key('s', { targetTag: 'INPUT' }), view({ selected: { i: 0, j: 1 } })), null);
  assert.equal(routeKey(key('z', { ctrlKey: true }), view()), null);
  assert.equal(routeKey(key('s'), view({ ready: false, selected: { i: 0, j: 1 } })), null);
});

test('arrows pan by an eighth of the viewport only when zoomed in', () => {
  assert.deepEqual(routeKey(key('ArrowDown'), view({ zoomed: true, viewportSize: 80 })), { type: 'pan', rows: 10, cols: 0 });
  assert.deepEqual(routeKey(key('ArrowLeft'), view({ zoomed: true, viewportSize: 3 })), { type: 'pan', rows: 0, cols: -1 });
  assert.equal(routeKey(key('ArrowDown'), view()), null);
});

test('while the queue shows a pair, Enter skips it', () => {
  assert.deepEqual(routeKey(key('Enter'), view({ queuePair: { i: 4, j: 9 } })), { type: 'skip' });
  assert.equal(routeKey(key('Enter'), view()), null);
});

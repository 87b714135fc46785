import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabelStore, actionForKey, pairKey } from '../src/labels.js';

test('one label per unordered pair', () => {
  const store = new LabelStore();
  store.set(3, 1, 1);
  assert.equal(store.get(1, 3), 1);
  assert.equal(pairKey(3, 1), '1,3');
  store.set(1, 3, -1);
  assert.equal(store.size, 1);
  assert.deepEqual(store.all(), [{ i: 1, j: 3, label: -1 }]);
});

test('setting the same label again changes nothing and records no undo', () => {
  const store = new LabelStore([{ i: 0, j: 1, label: 1 }]);
  assert.equal(store.set(1, 0, 1), null);
  assert.equal(store.canUndo, false);
});

test('undo walks back through changes, including removals', () => {
  const store = new LabelStore();
  store.set(0, 1, 1);
  store.set(0, 1, -1);
  store.set(0, 1, 0);
  assert.equal(store.get(0, 1), 0);
  assert.deepEqual(store.undo(), { i: 0, j: 1, label: -1, previous: 0 });
  assert.equal(store.get(0, 1), -1);
  assert.deepEqual(store.undo(), { i: 0, j: 1, label: 1, previous: -1 });
  assert.deepEqual(store.undo(), { i: 0, j: 1, label: 0, previous: 1 });
  assert.equal(store.get(0, 1), 0);
  assert.equal(store.undo(), null);
});

test('a failed save reverts the pair and leaves no undo entry for it', () => {
  const store = new LabelStore([{ i: 0, j: 2, label: -1 }]);
  const change = store.set(0, 2, 1);
  assert.equal(store.state(0, 2), 'pending');
  store.revert(change);
  assert.equal(store.get(0, 2), -1);
  assert.equal(store.state(0, 2), 'saved');
  assert.equal(store.canUndo, false);
});

test('saved state is tracked per pair', () => {
  const store = new LabelStore();
  store.set(4, 5, 1);
  store.markSaved(5, 4);
  assert.equal(store.state(4, 5), 'saved');
});

test('refuses the diagonal and unknown values', () => {
  const store = new LabelStore();
  assert.throws(() => store.set(2, 2, 1), /itself/);
  assert.throws(() => store.set(1, 2, 2), /1, -1 or 0/);
});

test('keys map to actions', () => {
  assert.deepEqual(actionForKey('s'), { type: 'label', label: 1 });
  assert.deepEqual(actionForKey('D'), { type: 'label', label: -1 });
  assert.deepEqual(actionForKey('Backspace'), { type: 'label', label: 0 });
  assert.deepEqual(actionForKey('0'), { type: 'label', label: 0 });
  assert.deepEqual(actionForKey('z'), { type: 'undo' });
  assert.deepEqual(actionForKey('Enter'), { type: 'skip' });
  assert.equal(actionForKey('x'), null);
});

test('entries carry when each label last changed: from the server, then from local changes', () => {
  const store = new LabelStore([{ i: 0, j: 1, label: 1, changedAt: 1000 }]);
  assert.deepEqual(store.entries(), [{ i: 0, j: 1, label: 1, changedAt: 1000 }]);
  const before = Date.now();
  store.set(0, 1, -1);
  assert.ok(store.entries()[0].changedAt >= before);
});

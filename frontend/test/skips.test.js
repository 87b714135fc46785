import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSkips, saveSkips } from '../src/skips.js';

function memoryStorage() {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k), map };
}

test('skips are remembered per dataset', () => {
  const storage = memoryStorage();
  saveSkips(storage, 7, new Set(['1,2', '3,9']));
  assert.deepEqual([...loadSkips(storage, 7)], ['1,2', '3,9']);
  assert.equal(loadSkips(storage, 8).size, 0);
  saveSkips(storage, 7, new Set());
  assert.equal(storage.map.size, 0);
});

test('unreadable or refused storage never breaks the queue', () => {
  const storage = memoryStorage();
  storage.setItem('simexplorer.skips.7', '{not json');
  assert.equal(loadSkips(storage, 7).size, 0);
  storage.setItem('simexplorer.skips.7', '["1,2", "<b>", 5]');
  assert.deepEqual([...loadSkips(storage, 7)], ['1,2']);
  assert.equal(loadSkips(undefined, 7).size, 0);
  assert.equal(saveSkips({ setItem() { throw new Error('quota'); } }, 7, new Set(['1,2'])), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabelSync } from '../src/label-sync.js';

test('a saved change is marked saved, a failed one reverted', async () => {
  const events = [];
  const sync = new LabelSync((c) => (c.label === -1 ? Promise.reject(new Error('refused')) : Promise.resolve()), (e) => events.push(e.type));
  sync.set(0, 1, 1);
  assert.equal(sync.store.state(0, 1), 'pending');
  await new Promise((r) => setTimeout(r));
  assert.equal(sync.store.state(0, 1), 'saved');
  sync.set(0, 1, -1);
  await new Promise((r) => setTimeout(r));
  assert.equal(sync.store.get(0, 1), 1);
  assert.deepEqual(events, ['saved', 'failed']);
});

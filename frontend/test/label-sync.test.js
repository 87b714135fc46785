import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabelSync } from '../src/label-sync.js';
import { LabelStore } from '../src/labels.js';

/** A server whose answers the test releases one by one; it stores a label only when the answer is a success. */
function fakeServer() {
  const server = { labels: new Map(), requests: [] };
  server.send = (body) => new Promise((resolve, reject) => {
    server.requests.push({
      body,
      succeed() { server.labels.set(`${body.i},${body.j}`, body.label); resolve(); },
      fail(message = 'refused') { reject(new Error(message)); },
    });
  });
  return server;
}

const tick = () => new Promise((r) => setTimeout(r));

test('saves of one pair go out one at a time, in order, and the server ends with the last label given', async () => {
  const server = fakeServer();
  const sync = new LabelSync(server.send);
  sync.set(0, 1, 1);
  await tick();
  sync.set(0, 1, -1);
  sync.set(0, 1, 0);
  sync.set(0, 1, -1);
  await tick();
  assert.equal(server.requests.length, 1, 'the later saves wait for the first');
  server.requests[0].succeed();
  await tick();
  // the -1 and the 0 were superseded before they were sent: only the last label goes out next
  assert.equal(server.requests.length, 2);
  assert.deepEqual(server.requests[1].body, { i: 0, j: 1, label: -1 });
  assert.equal(sync.pending, 1);
  server.requests[1].succeed();
  await sync.settled();
  assert.equal(server.labels.get('0,1'), -1);
  assert.equal(sync.store.get(0, 1), -1);
  assert.equal(sync.store.state(0, 1), 'saved');
  assert.equal(sync.pending, 0);
});

test('different pairs save concurrently', async () => {
  const server = fakeServer();
  const sync = new LabelSync(server.send);
  sync.set(0, 1, 1);
  sync.set(2, 3, -1);
  await tick();
  assert.equal(server.requests.length, 2);
});

test('a failure reverts only its own change, to what the server holds, and is listed until retried', async () => {
  const server = fakeServer();
  const events = [];
  const sync = new LabelSync(server.send, (e) => events.push(e.type), new LabelStore([{ i: 0, j: 1, label: -1 }]));
  sync.set(0, 1, 1);
  sync.set(2, 3, 1);
  await tick();
  server.requests[0].fail('disk full');
  server.requests[1].succeed();
  await sync.settled();
  assert.equal(sync.store.get(0, 1), -1, 'failed pair back to the server label');
  assert.equal(sync.store.get(2, 3), 1, 'the other pair keeps its saved label');
  assert.equal(sync.store.canUndo, true, 'undo still holds the saved change of (2, 3)');
  assert.deepEqual(sync.failures.map((f) => [f.i, f.j, f.label, f.message]), [[0, 1, 1, 'disk full']]);

  sync.retry(sync.failures[0].id);
  assert.equal(sync.failures.length, 0);
  assert.equal(sync.store.get(0, 1), 1);
  await tick();
  server.requests[2].succeed();
  await sync.settled();
  assert.equal(server.labels.get('0,1'), 1);
  assert.deepEqual(events, ['failed', 'saved', 'retrying', 'saved']);
});

test('a later success on another pair never hides an earlier failure', async () => {
  const server = fakeServer();
  const sync = new LabelSync(server.send);
  sync.set(0, 1, 1);
  await tick();
  server.requests[0].fail();
  await sync.settled();
  sync.set(4, 5, -1);
  await tick();
  server.requests[1].succeed();
  await sync.settled();
  assert.equal(sync.failures.length, 1);
  assert.equal(sync.store.get(0, 1), 0);
});

test('a failure after a success of the same pair reverts to the saved label, not to the one before it', async () => {
  const server = fakeServer();
  const sync = new LabelSync(server.send);
  sync.set(0, 1, 1);
  await tick();
  server.requests[0].succeed();
  await sync.settled();
  sync.set(0, 1, -1);
  await tick();
  server.requests[1].fail();
  await sync.settled();
  assert.equal(sync.store.get(0, 1), 1);
  assert.equal(server.labels.get('0,1'), 1);
  assert.equal(sync.store.state(0, 1), 'saved');
});

test('a failed change already replaced by a newer one leaves the screen alone; the newer success settles it', async () => {
  const server = fakeServer();
  const sync = new LabelSync(server.send);
  sync.set(0, 1, 1);
  await tick();
  sync.set(0, 1, -1); // queued behind the first
  server.requests[0].fail();
  await tick();
  assert.equal(sync.store.get(0, 1), -1, 'the newer change stays on screen');
  assert.equal(sync.failures.length, 1);
  server.requests[1].succeed();
  await sync.settled();
  assert.equal(server.labels.get('0,1'), -1);
  assert.equal(sync.failures.length, 0, 'the server holds the last label given');
});

test('undo is saved like any change, and a failed undo puts the label back', async () => {
  const server = fakeServer();
  const sync = new LabelSync(server.send);
  sync.set(0, 1, 1);
  await tick();
  server.requests[0].succeed();
  await sync.settled();
  sync.undo();
  assert.equal(sync.store.get(0, 1), 0);
  await tick();
  server.requests[1].fail();
  await sync.settled();
  assert.equal(sync.store.get(0, 1), 1);
  assert.equal(sync.failures[0].kind, 'undo');
  sync.dismiss(sync.failures[0].id);
  assert.equal(sync.failures.length, 0);
});

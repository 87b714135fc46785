import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueueController } from '../src/queue-controller.js';
import { LabelStore } from '../src/labels.js';
import { loadSkips } from '../src/skips.js';
import { matrixOf } from './helpers.js';

const rows = [
  [1, 0.9, 0.1, 0.5],
  [0.9, 1, 0.2, 0.4],
  [0.1, 0.2, 1, 0.6],
  [0.5, 0.4, 0.6, 1],
];

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v), removeItem: (k) => items.delete(k) };
}

function page({ tiled = false, serverPairs = [] } = {}) {
  const seen = [];
  const storage = memoryStorage();
  const state = {
    tiled, matrix: matrixOf(rows), labels: new LabelStore(), metrics: null,
    queue: { active: false, current: null, mode: 'random', skipped: new Set(), implied: [] },
  };
  let resets = 0;
  const serverQueue = {
    next: async ({ labels, skipped }) => serverPairs.find((p) => !skipped.has(`${p.i},${p.j}`) && labels.get(p.i, p.j) === 0) ?? null,
    reset: () => { resets++; },
  };
  const controller = new QueueController({
    state, serverQueue, storage, datasetId: '7',
    view: { card: (current) => seen.push(['card', current && `${current.i},${current.j}`]), skips: (n) => seen.push(['skips', n]), open: (on) => seen.push(['open', on]) },
    page: { setActive: (which) => seen.push(['active', which]), redraw: () => {}, error: (m) => seen.push(['error', m]) },
    random: () => 0,
  });
  return { seen, state, storage, controller, resets: () => resets };
}

test('starting offers a pair from the page\'s matrix, and a skip is remembered for the dataset', async () => {
  const { seen, state, storage, controller } = page();
  await controller.start();
  const first = controller.pair;
  assert.ok(first && first.i !== first.j);
  assert.deepEqual(seen.slice(0, 2), [['open', true], ['active', 'queue']]);
  await controller.skip();
  assert.ok(state.queue.skipped.has(`${first.i},${first.j}`));
  assert.deepEqual([...loadSkips(storage, '7')], [`${first.i},${first.j}`]);
  assert.notDeepEqual(controller.pair, first);
  await controller.forget();
  assert.equal(loadSkips(storage, '7').size, 0);
  await controller.stop();
  assert.equal(controller.pair, null);
  assert.deepEqual(seen.at(-1), ['active', 'selection']);
});

test('a tiled page takes its pairs from the server queue, which a start resets; labelling the offered pair moves on', async () => {
  const { state, controller, resets } = page({ tiled: true, serverPairs: [{ i: 2, j: 9, similarity: 0.4, reason: 'near-threshold' }, { i: 1, j: 3, similarity: 0.5, reason: 'random' }] });
  await controller.start();
  assert.equal(resets(), 1);
  assert.deepEqual([controller.pair.i, controller.pair.j], [2, 9]);
  state.labels.set(2, 9, 1);
  await controller.labelled(9, 2);
  assert.deepEqual([controller.pair.i, controller.pair.j], [1, 3]);
  await controller.skip();
  assert.equal(controller.pair, null);
});

test('a label on another pair leaves the queue where it is; a server failure shows an error and ends the queue', async () => {
  const { seen, controller } = page({ tiled: true, serverPairs: [{ i: 0, j: 1, similarity: 0.9, reason: 'random' }] });
  await controller.start();
  const before = seen.length;
  await controller.labelled(2, 3);
  assert.equal(seen.length, before);

  const failing = page({ tiled: true });
  failing.controller.serverQueue.next = async () => { throw new Error('queue down'); };
  await failing.controller.start();
  assert.equal(failing.controller.pair, null);
  assert.ok(failing.seen.some(([kind, m]) => kind === 'error' && m === 'queue down'));
});

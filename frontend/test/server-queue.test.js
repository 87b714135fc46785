import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServerQueue, firstOpen, queueUrl, FIRST_SEED, MAX_REFILLS } from '../src/server-queue.js';
import { LabelStore, pairKey } from '../src/labels.js';

const pair = (i, j, cosine = 0.5, reason = 'near-threshold') => ({ i, j, cosine, reason });

test('the url names the strategy, limit, seed and, when given, the model', () => {
  assert.equal(queueUrl('/api/datasets/3', { mode: 'random', seed: 7 }), '/api/datasets/3/queue?strategy=random&limit=50&seed=7');
  assert.equal(queueUrl('/api/datasets/3', { model: 'm:a b' }), '/api/datasets/3/queue?strategy=informative&limit=50&seed=42&model=m%3Aa+b');
});

test('the first open pair passes over labelled, skipped and self pairs', () => {
  const labels = new LabelStore([{ i: 1, j: 2, label: 1 }]);
  const pairs = [pair(3, 3), pair(2, 1), pair(4, 5), pair(6, 7, 0.61, 'random')];
  assert.deepEqual(firstOpen(pairs, labels, new Set([pairKey(4, 5)])),
    { i: 6, j: 7, similarity: 0.61, score: 0, reason: 'random' });
  assert.equal(firstOpen(pairs.slice(0, 3), labels, new Set([pairKey(4, 5)])), null);
});

test('a batch is fetched once per mode and walked as pairs get labelled', async () => {
  const asked = [];
  const queue = new ServerQueue('/api/datasets/1', async (url) => {
    asked.push(url);
    return { threshold: 0.4, pairs: url.includes('random') ? [pair(8, 9, 0.1, 'random')] : [pair(0, 1), pair(2, 3)] };
  });
  const labels = new LabelStore();
  assert.deepEqual((await queue.next({ labels })).j, 1);
  labels.set(0, 1, 1);
  assert.deepEqual((await queue.next({ labels })).j, 3);
  assert.equal((await queue.next({ mode: 'random', labels })).reason, 'random');
  assert.equal(asked.length, 2);
  assert.equal(queue.threshold(), 0.4);
});

test('an exhausted batch asks for the next seed, and a few empty ones end the queue', async () => {
  const seeds = [];
  const queue = new ServerQueue('/api/datasets/1', async (url) => {
    const seed = Number(new URL(url, 'http://x').searchParams.get('seed'));
    seeds.push(seed);
    return { pairs: seed === FIRST_SEED ? [pair(0, 1)] : seed === FIRST_SEED + 1 ? [pair(4, 6)] : [] };
  });
  const skipped = new Set();
  const labels = new LabelStore();
  assert.equal((await queue.next({ labels, skipped })).i, 0);
  skipped.add(pairKey(0, 1));
  assert.equal((await queue.next({ labels, skipped })).i, 4);
  skipped.add(pairKey(4, 6));
  assert.equal(await queue.next({ labels, skipped }), null);
  assert.deepEqual(seeds, [FIRST_SEED, FIRST_SEED + 1, ...Array.from({ length: MAX_REFILLS + 1 }, (_, k) => FIRST_SEED + 2 + k)]);
  queue.reset();
  const before = seeds.length;
  assert.equal((await queue.next({ labels, skipped: new Set() })).i, 0);
  assert.deepEqual(seeds.slice(before), [FIRST_SEED]);
});

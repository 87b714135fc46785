import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knnFromMatrix, neighbourCount, umapProblem, seededRandom, reportsEpoch, UMAP_MAX_SENTENCES }
  from '../src/umap-layout.js';
import { matrixFromJson } from '../src/matrix.js';
import { matrixOf } from './helpers.js';

// four sentences: 0 and 1 close, 2 and 3 close; shown in the order 2, 0, 3, 1 to prove indices are sentences
const S = [
  [1, 0.9, 0.1, 0.2],
  [0.9, 1, 0.3, 0.0],
  [0.1, 0.3, 1, 0.8],
  [0.2, 0.0, 0.8, 1],
];

test('each sentence lists itself first, then its nearest sentences by 1 − cosine', () => {
  const { indices, distances } = knnFromMatrix(matrixOf(S, [2, 0, 3, 1]), 3);
  assert.deepEqual(indices, [[0, 1, 3], [1, 0, 2], [2, 3, 1], [3, 2, 0]]);
  assert.deepEqual(distances[0].map((d) => Number(d.toFixed(4))), [0, 0.1, 0.8]);
  assert.deepEqual(distances[1].map((d) => Number(d.toFixed(4))), [0, 0.1, 0.7]);
});

test('the same neighbours whatever the display order', () => {
  assert.deepEqual(knnFromMatrix(matrixOf(S, [0, 1, 2, 3]), 2), knnFromMatrix(matrixOf(S, [3, 1, 0, 2]), 2));
});

test('a duplicate sentence (cosine 1) still comes after the sentence itself', () => {
  const m = matrixFromJson({ order: [1, 0, 2], matrix: [[1, 1, 0.5], [1, 1, 0.5], [0.5, 0.5, 1]] });
  const { indices, distances } = knnFromMatrix(m, 2);
  assert.deepEqual(indices, [[0, 1], [1, 0], [2, 1]]);
  assert.deepEqual(distances[0], [0, 0]);
});

test('UMAP runs on 4 to 5,000 sentences with up to 15 neighbours', () => {
  assert.equal(umapProblem(UMAP_MAX_SENTENCES), null);
  assert.equal(umapProblem(UMAP_MAX_SENTENCES + 1), 'map.umap.tooMany');
  assert.equal(umapProblem(3), 'map.umap.tooFew');
  assert.equal(neighbourCount(4), 3);
  assert.equal(neighbourCount(2000), 15);
});

test('the random source repeats for a seed and stays in [0, 1)', () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.ok(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5) < 0.05);
  assert.notEqual(seededRandom(8)(), seededRandom(7)());
});

test('progress is reported about fifty times, always at the end', () => {
  const reported = Array.from({ length: 500 }, (_, k) => k + 1).filter((e) => reportsEpoch(e, 500));
  assert.equal(reported.length, 50);
  assert.equal(reported.at(-1), 500);
  assert.ok(reportsEpoch(7, 7));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { knnFromMatrix, neighbourCount, umapProblem, seededRandom, reportsEpoch, layoutWithUmap, UMAP_MAX_SENTENCES }
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

test('UMAP runs from 4 sentences (past 5,000 on a sample) with up to 15 neighbours', () => {
  assert.equal(umapProblem(UMAP_MAX_SENTENCES), null);
  assert.equal(umapProblem(200_000), null);
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

/** Two groups of unit vectors in 8-D, as the page's quantised matrix in input order. */
function twoGroups(n) {
  const random = seededRandom(1);
  const vectors = Array.from({ length: n }, (_, i) => {
    const v = Array.from({ length: 8 }, () => random() - 0.5);
    v[i < n / 2 ? 0 : 1] += 3;
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  return matrixOf(vectors.map((a) => vectors.map((b) => a.reduce((s, x, d) => s + x * b[d], 0))));
}

test('the run hands umap-js the neighbours, a seeded source and the row count, and reports its phases', () => {
  const calls = [];
  class FakeUmap {
    constructor(options) { calls.push(['new', options.nComponents, options.nNeighbors, typeof options.random]); }
    setPrecomputedKNN(indices, distances) { calls.push(['knn', indices.length, indices[0].length, distances[0][0]]); }
    initializeFit(rows) { calls.push(['fit', rows.length]); return 3; }
    step() { calls.push(['step']); }
    getEmbedding() { return [[1, 2]]; }
  }
  const progress = [];
  const m = twoGroups(6);
  const points = layoutWithUmap(FakeUmap, { n: m.n, order: m.order, values: m.values }, (p) => progress.push(p));
  assert.deepEqual(points, [[1, 2]]);
  assert.deepEqual(calls, [['new', 2, 5, 'function'], ['knn', 6, 5, 0], ['fit', 6], ['step'], ['step'], ['step']]);
  assert.deepEqual(progress.map((p) => `${p.phase}:${p.epoch}/${p.epochs}`),
    ['neighbours:0/0', 'graph:0/0', 'epochs:0/3', 'epochs:1/3', 'epochs:2/3', 'epochs:3/3']);
});

// umap-js's browser bundle as the build serves it (target/umap-js, fetched by npm pack in process-resources)
const bundle = new URL('../../target/umap-js/package/lib/umap-js.min.js', import.meta.url);
test('with the real umap-js, two groups of sentences land apart, the same way every time', { skip: !existsSync(bundle)
  && 'umap-js is not fetched yet: ./mvnw process-resources' }, () => {
  const context = vm.createContext({ Math, setTimeout, console });
  context.self = context;
  vm.runInContext(readFileSync(bundle, 'utf8'), context);
  const m = twoGroups(40);
  const run = () => layoutWithUmap(context.UMAP.UMAP, { n: m.n, order: m.order, values: m.values });
  const points = run();
  assert.equal(points.length, 40);
  const centre = (ps) => [0, 1].map((d) => ps.reduce((s, p) => s + p[d], 0) / ps.length);
  const spread = (ps, c) => Math.max(...ps.map((p) => Math.hypot(p[0] - c[0], p[1] - c[1])));
  const [a, b] = [points.slice(0, 20), points.slice(20)];
  const [ca, cb] = [centre(a), centre(b)];
  const apart = Math.hypot(ca[0] - cb[0], ca[1] - cb[1]);
  assert.ok(apart > spread(a, ca) && apart > spread(b, cb), `groups overlap: centres ${apart} apart`);
  assert.deepEqual(run(), points, 'seeded: the same picture again');
});

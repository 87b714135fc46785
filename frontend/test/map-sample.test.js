import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { decodeMapSample, sampleKnn, restOf, placeBySample, layoutSample, mapSampleQuery } from '../src/map-sample.js';
import { seededRandom } from '../src/umap-layout.js';

/** Encodes like the server's map-sample body: four int32, then the arrays, little-endian. */
function encode({ n, sample, k, graph, graphCosines, place, placed, placedCosines }) {
  const ints = [n, sample.length, k, place, ...sample, ...graph];
  const buffer = new ArrayBuffer(4 * (ints.length + graphCosines.length + placed.length + placedCosines.length));
  const view = new DataView(buffer);
  let at = 0;
  for (const v of ints) { view.setInt32(at, v, true); at += 4; }
  for (const v of graphCosines) { view.setFloat32(at, v, true); at += 4; }
  for (const v of placed) { view.setInt32(at, v, true); at += 4; }
  for (const v of placedCosines) { view.setFloat32(at, v, true); at += 4; }
  return buffer;
}

// six sentences, 1, 3 and 4 sampled; 0, 2 and 5 placed by two sampled neighbours each
const body = {
  n: 6, sample: [1, 3, 4], k: 2, graph: [1, 2, 0, 2, 1, 0], graphCosines: [0.5, 0.25, 0.5, 0.75, 0.75, 0.25],
  place: 2, placed: [0, 1, 2, 1, 2, 0], placedCosines: [1, 0.5, 0.5, 0.5, -0.25, -0.5],
};
const samplePoints = [[0, 0], [4, 0], [0, 8]];

test('the body decodes into its flat arrays, and a short body is refused', () => {
  const d = decodeMapSample(encode(body));
  assert.deepEqual([d.n, d.m, d.k, d.place], [6, 3, 2, 2]);
  assert.deepEqual(Array.from(d.sample), [1, 3, 4]);
  assert.deepEqual(Array.from(d.graph), body.graph);
  assert.deepEqual(Array.from(d.placedCosines), [1, 0.5, 0.5, 0.5, -0.25, -0.5]);
  assert.deepEqual(Array.from(restOf(d)), [0, 2, 5]);
  assert.throws(() => decodeMapSample(encode(body).slice(0, 40)), /expected 124/);
});

test('the sample graph becomes umap-js input: itself first at 0, then 1 − cosine, cut to the size asked', () => {
  const { indices, distances } = sampleKnn(decodeMapSample(encode(body)));
  assert.deepEqual(indices, [[0, 1, 2], [1, 0, 2], [2, 1, 0]]);
  assert.deepEqual(distances, [[0, 0.5, 0.75], [0, 0.5, 0.25], [0, 0.25, 0.75]]);
  assert.deepEqual(sampleKnn(decodeMapSample(encode(body)), 2).indices, [[0, 1], [1, 0], [2, 1]]);
});

test('a sampled sentence keeps its place, a twin lands on it, the rest sit at the cosine-weighted mean', () => {
  const d = decodeMapSample(encode(body));
  const points = placeBySample(d, samplePoints);
  assert.deepEqual(points[1], [0, 0]);
  assert.deepEqual(points[3], [4, 0]);
  assert.deepEqual(points[4], [0, 8]);
  // cosine 1 with sampled position 0: exactly there, though its other neighbour has 0.5
  assert.deepEqual(points[0], [0, 0]);
  // 0.5 · (0, 8) + 0.5 · (4, 0), over 1
  assert.deepEqual(points[2], [2, 4]);
  // a negative cosine weighs nothing; when nothing is positive the sentence sits on its nearest sampled one
  assert.deepEqual(points[5], [0, 8]);
  const mixed = decodeMapSample(encode({ ...body, placedCosines: [0.9, 0.5, 0.5, -0.5, 0.4, 0.1] }));
  const p = placeBySample(mixed, samplePoints);
  assert.deepEqual(p[2], [0, 8]);
  assert.ok(Math.abs(p[0][0] - 4 * 0.5 / 1.4) < 1e-6 && p[0][1] === 0);
  assert.deepEqual(placeBySample(mixed, samplePoints), p, 'deterministic');
});

test('the page asks for the server-side sample size, 14 neighbours and 5 to place by', () => {
  assert.equal(mapSampleQuery(), 'k=14&place=5');
  assert.equal(mapSampleQuery({ sample: 300, model: 'm:a' }), 'k=14&place=5&sample=300&model=m%3Aa');
});

/** Two groups in 8-D; the sample is every third sentence, with a brute-force graph and placement lists. */
function twoGroupBody(n, k, place) {
  const random = seededRandom(3);
  const vectors = Array.from({ length: n }, (_, i) => {
    const v = Array.from({ length: 8 }, () => random() - 0.5);
    v[i % 2] += 3;
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const cos = (a, b) => vectors[a].reduce((s, x, d) => s + x * vectors[b][d], 0);
  const sample = [...Array(n).keys()].filter((i) => i % 3 === 0);
  const nearest = (i, own, count) => sample.map((row, s) => [s, cos(i, row)]).filter(([s]) => s !== own)
    .sort((a, b) => b[1] - a[1]).slice(0, count);
  const graphLists = sample.map((row, s) => nearest(row, s, k));
  const rest = [...Array(n).keys()].filter((i) => i % 3 !== 0);
  const placeLists = rest.map((i) => nearest(i, -1, place));
  return {
    n, sample, k, place, graph: graphLists.flat().map(([s]) => s), graphCosines: graphLists.flat().map(([, c]) => c),
    placed: placeLists.flat().map(([s]) => s), placedCosines: placeLists.flat().map(([, c]) => c),
  };
}

const bundle = new URL('../../target/umap-js/package/lib/umap-js.min.js', import.meta.url);
test('with the real umap-js, the sample and the sentences placed by it keep the two groups apart', { skip:
  !existsSync(bundle) && 'umap-js is not fetched yet: ./mvnw process-resources' }, () => {
  const context = vm.createContext({ Math, setTimeout, console });
  context.self = context;
  vm.runInContext(readFileSync(bundle, 'utf8'), context);
  const buffer = encode(twoGroupBody(120, 10, 3));
  const phases = [];
  const { points, sampled } = layoutSample(context.UMAP.UMAP, buffer, 0, (p) => phases.push(p.phase));
  assert.equal(sampled, 40);
  assert.equal(points.length, 120);
  assert.deepEqual([...new Set(phases)], ['neighbours', 'graph', 'epochs', 'placing']);
  const centre = (ps) => [0, 1].map((d) => ps.reduce((s, p) => s + p[d], 0) / ps.length);
  const even = centre(points.filter((_, i) => i % 2 === 0));
  const odd = centre(points.filter((_, i) => i % 2 === 1));
  const closer = points.filter((p, i) => {
    const own = i % 2 === 0 ? even : odd;
    const other = i % 2 === 0 ? odd : even;
    return Math.hypot(p[0] - own[0], p[1] - own[1]) < Math.hypot(p[0] - other[0], p[1] - other[1]);
  }).length;
  assert.equal(closer, 120, 'every sentence, sampled or placed, is nearer its own group');
  assert.deepEqual(layoutSample(context.UMAP.UMAP, buffer, 0).points, points, 'seeded: the same picture again');
});

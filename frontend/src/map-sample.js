// The map's UMAP on a large dataset: the server's seeded sample of the sentences with its neighbour graph
// (GET /api/datasets/{id}/map-sample, docs/scale.md "The map"), decoded; UMAP runs on the sample alone, and every
// other sentence is placed at the similarity-weighted mean of its nearest sampled sentences. No DOM: umap-worker.js
// runs it, node tests it.

import { layoutKnnWithUmap, neighbourCount } from './umap-layout.js';

/** Neighbours the page asks for: 14 others plus itself is umap-js's default of 15. */
export const MAP_SAMPLE_NEIGHBOURS = 14;
export const MAP_PLACE = 5;
/** A cosine at least this close to 1 is the same point: it lands exactly on its sampled twin. */
const SAME_POINT = 1 - 1e-6;

/** The query string of the page's request; without a sample size the server's (simexplorer.map.umap-sample). */
export function mapSampleQuery({ sample, k = MAP_SAMPLE_NEIGHBOURS, place = MAP_PLACE, model } = {}) {
  const query = new URLSearchParams({ k: String(k), place: String(place) });
  if (sample) query.set('sample', String(sample));
  if (model) query.set('model', model);
  return query.toString();
}

/**
 * The body of GET .../map-sample: int32 n, m, k, place; int32[m] sample; int32[m·k] graph and float32[m·k] its
 * cosines; int32[(n−m)·place] placement neighbours and float32[(n−m)·place] theirs (all little-endian).
 */
export function decodeMapSample(buffer) {
  const view = new DataView(buffer);
  const [n, m, k, place] = [0, 4, 8, 12].map((at) => view.getInt32(at, true));
  const rest = n - m;
  const expected = 16 + 4 * m + 8 * m * k + 8 * rest * place;
  if (buffer.byteLength !== expected) {
    throw new Error(`A map sample of ${n} sentences has ${buffer.byteLength} bytes, expected ${expected}.`);
  }
  let at = 16;
  const ints = (count) => {
    const out = new Int32Array(count);
    for (let t = 0; t < count; t++, at += 4) out[t] = view.getInt32(at, true);
    return out;
  };
  const floats = (count) => {
    const out = new Float32Array(count);
    for (let t = 0; t < count; t++, at += 4) out[t] = view.getFloat32(at, true);
    return out;
  };
  const sample = ints(m);
  const graph = ints(m * k);
  const graphCosines = floats(m * k);
  const placed = ints(rest * place);
  const placedCosines = floats(rest * place);
  return { n, m, k, place, sample, graph, graphCosines, placed, placedCosines };
}

/**
 * umap-js's setPrecomputedKNN input over the sample (indices are positions in the sample): each list starts with
 * the point itself at distance 0, then its nearest sampled ones at 1 − cosine, `size` entries in all.
 */
export function sampleKnn({ m, k, graph, graphCosines }, size = k + 1) {
  const indices = new Array(m);
  const distances = new Array(m);
  for (let s = 0; s < m; s++) {
    const rows = [s];
    const far = [0];
    for (let t = 0; t < k && rows.length < size; t++) {
      rows.push(graph[s * k + t]);
      far.push(Math.max(0, 1 - graphCosines[s * k + t]));
    }
    indices[s] = rows;
    distances[s] = far;
  }
  return { indices, distances };
}

/** The sentences not sampled, ascending: the order of the placement neighbours. */
export function restOf({ n, sample }) {
  const rest = new Int32Array(n - sample.length);
  let s = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (s < sample.length && sample[s] === i) s++;
    else rest[r++] = i;
  }
  return rest;
}

/**
 * Every sentence's [x, y] in sentence order, from the sample's positions (samplePoints[s] for sample[s]). Another
 * sentence sits at the mean of its sampled neighbours weighted by max(cosine, 0); on a twin (cosine 1) exactly
 * there; when no neighbour has a positive cosine, on its nearest one.
 */
export function placeBySample(decoded, samplePoints) {
  const { n, sample, place, placed, placedCosines } = decoded;
  const points = new Array(n);
  for (let s = 0; s < sample.length; s++) points[sample[s]] = [samplePoints[s][0], samplePoints[s][1]];
  const rest = restOf(decoded);
  for (let r = 0; r < rest.length; r++) {
    const base = r * place;
    const nearest = samplePoints[placed[base]];
    let x = 0;
    let y = 0;
    let total = 0;
    for (let t = 0; t < place; t++) {
      const w = Math.max(0, placedCosines[base + t]);
      const p = samplePoints[placed[base + t]];
      x += w * p[0];
      y += w * p[1];
      total += w;
    }
    points[rest[r]] = placedCosines[base] >= SAME_POINT || total === 0 ? [nearest[0], nearest[1]]
      : [x / total, y / total];
  }
  return points;
}

/**
 * The whole layout from the server's body: UMAP with umap-js's class `Umap` on the sample, then the placement.
 * onProgress hears the UMAP phases (see umap-layout.js) and then {phase: 'placing'}.
 */
export function layoutSample(Umap, buffer, seed = 0, onProgress = () => {}) {
  const decoded = decodeMapSample(buffer);
  const nNeighbors = neighbourCount(decoded.m);
  onProgress({ phase: 'neighbours', epoch: 0, epochs: 0 });
  const knn = sampleKnn(decoded, nNeighbors);
  const samplePoints = layoutKnnWithUmap(Umap, { n: decoded.m, nNeighbors, knn, seed }, onProgress);
  onProgress({ phase: 'placing', epoch: 0, epochs: 0 });
  return { points: placeBySample(decoded, samplePoints), sampled: decoded.m };
}

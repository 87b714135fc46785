// The map's UMAP, computed in the browser with umap-js: which datasets it runs on, the nearest neighbours it
// starts from (the page's matrix here; map-sample.js brings the server's sample of a large dataset), a seeded
// random source, and the run with its progress. No DOM, and umap-js's class comes in as an argument, so node
// tests it; umap-worker.js runs it next to umap-js in a worker so the page never freezes, and bench/umap.mjs
// times it.

import { QUANTUM } from './matrix.js';

/**
 * Up to this many sentences UMAP runs on all of them from the page's matrix; above it (or on a tiled page) it runs
 * on the server's seeded sample of this size (map-sample.js): UMAP in a browser tab gets slow past it.
 */
export const UMAP_MAX_SENTENCES = 5000;
/** umap-js's default neighbourhood size. */
export const UMAP_NEIGHBOURS = 15;
const UMAP_MIN_SENTENCES = 4;

/** Why UMAP cannot run on n sentences (a js.* message key), or null when it can. */
export function umapProblem(n) {
  if (n < UMAP_MIN_SENTENCES) return 'map.umap.tooFew';
  return null;
}

/** Neighbourhood size for n sentences: umap-js needs fewer neighbours than points. */
export function neighbourCount(n) {
  return Math.max(2, Math.min(UMAP_NEIGHBOURS, n - 1));
}

/**
 * The k nearest sentences of every sentence by cosine distance 1 − S, read from the page's quantised matrix
 * ({n, order, values}: values[r·n + c] = round(S·10⁴) of sentences order[r], order[c]). Each list starts with the
 * sentence itself at distance 0, as umap-js's own search returns it. This is umap-js's setPrecomputedKNN input,
 * so UMAP works from the same cosines as the heatmap rather than from a second copy of the embeddings.
 */
export function knnFromMatrix({ n, order, values }, k) {
  const indices = new Array(n);
  const distances = new Array(n);
  const bestIndex = new Int32Array(k);
  const bestValue = new Int32Array(k);
  for (let r = 0; r < n; r++) {
    const i = order[r];
    let size = 0;
    const base = r * n;
    for (let c = 0; c < n; c++) {
      const j = order[c];
      // the sentence itself first, whatever its stored diagonal value
      const v = j === i ? QUANTUM + 1 : values[base + c];
      if (size === k && v <= bestValue[k - 1]) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && bestValue[at - 1] < v) {
        bestValue[at] = bestValue[at - 1];
        bestIndex[at] = bestIndex[at - 1];
        at--;
      }
      bestValue[at] = v;
      bestIndex[at] = j;
    }
    indices[i] = Array.from(bestIndex.subarray(0, size));
    distances[i] = Array.from(bestValue.subarray(0, size), (v, m) => (m === 0 ? 0 : Math.max(0, 1 - v / QUANTUM)));
  }
  return { indices, distances };
}

/** A seeded uniform [0, 1) source (mulberry32), so the same dataset gives the same UMAP picture. */
export function seededRandom(seed = 0) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** True when epoch (1-based) of `epochs` should be reported: about 50 updates in all, and always the last. */
export function reportsEpoch(epoch, epochs) {
  return epoch === epochs || epoch % Math.max(1, Math.ceil(epochs / 50)) === 0;
}

/**
 * UMAP of the page's quantised matrix ({n, order, values}) with umap-js's class `Umap`: 2-D points in sentence
 * order. onProgress({phase: 'neighbours' | 'graph' | 'epochs', epoch, epochs}) hears each phase start (epoch 0)
 * and about fifty epochs.
 */
export function layoutWithUmap(Umap, { n, order, values, seed = 0 }, onProgress = () => {}) {
  const nNeighbors = neighbourCount(n);
  onProgress({ phase: 'neighbours', epoch: 0, epochs: 0 });
  const knn = knnFromMatrix({ n, order, values }, nNeighbors);
  return layoutKnnWithUmap(Umap, { n, nNeighbors, knn, seed }, onProgress);
}

/**
 * UMAP of n points from their precomputed neighbours (knn: {indices, distances}, nNeighbors a list, each
 * starting with the point itself); reports the 'graph' and 'epochs' phases.
 */
export function layoutKnnWithUmap(Umap, { n, nNeighbors, knn, seed = 0 }, onProgress = () => {}) {
  onProgress({ phase: 'graph', epoch: 0, epochs: 0 });
  const umap = new Umap({ nComponents: 2, nNeighbors, random: seededRandom(seed) });
  umap.setPrecomputedKNN(knn.indices, knn.distances);
  // umap-js only reads the number of rows once the neighbours are given
  const epochs = umap.initializeFit(Array.from({ length: n }, (_, i) => [i]));
  onProgress({ phase: 'epochs', epoch: 0, epochs });
  for (let epoch = 1; epoch <= epochs; epoch++) {
    umap.step();
    if (reportsEpoch(epoch, epochs)) onProgress({ phase: 'epochs', epoch, epochs });
  }
  return umap.getEmbedding();
}

// Pair-queue ranking: which unlabelled pairs would teach the most if labelled next.
//
// Two signals, both cheap enough for N = 2,000:
// - uncertainty: cosine near the current best threshold, where the model's call is a coin toss;
// - contradiction: pairs around a labelled pair (each side replaced by one of its nearest neighbours)
//   whose cosine says the opposite of that label; the label suggests the model is wrong there.

import { pairKey } from './labels.js';
import { nearestNeighbours } from './neighbours.js';

/** Threshold the queue centres on: metrics' best F1 threshold, else accuracy threshold, else 0.5. */
export function currentThreshold(metrics) {
  if (metrics && Number.isFinite(metrics.f1Threshold)) return metrics.f1Threshold;
  if (metrics && Number.isFinite(metrics.accuracyThreshold)) return metrics.accuracyThreshold;
  return 0.5;
}

/**
 * Ranked list of [{i, j, similarity, score, reason}] with i < j, best first, at most `limit` long. The reason
 * is a code the page turns into text: 'near-threshold', 'contradicts-similar' or 'contradicts-dissimilar'.
 * `labels` is a LabelStore (or anything with get(i, j) and all()); `skipped` a Set of pairKey.
 */
export function rankPairs(matrix, labels, threshold, { limit = 50, skipped = new Set(), neighbours = 5, band = 0.25, contradictionWeight = 1.5 } = {}) {
  const { n, values, order } = matrix;
  if (!values) return [];
  const candidates = new Map();
  const consider = (i, j, bonus, reason) => {
    if (i === j) return;
    const key = pairKey(i, j);
    if (skipped.has(key) || labels.get(i, j) !== 0) return;
    const similarity = matrix.at(i, j);
    const closeness = Math.max(0, 1 - Math.abs(similarity - threshold) / band);
    const existing = candidates.get(key);
    const score = closeness + bonus;
    if (!existing || existing.score < score) {
      candidates.set(key, { i: Math.min(i, j), j: Math.max(i, j), similarity, score, reason: bonus > 0 ? reason : 'near-threshold' });
    }
  };

  // Uncertainty: two passes over the upper triangle. The first buckets |cosine - threshold| inside the band,
  // the second keeps only the closest buckets, so N = 2,000 never builds a list of millions of pairs.
  const q = threshold * 10000;
  const half = band * 10000;
  const buckets = 512;
  const counts = new Uint32Array(buckets);
  for (let r = 0; r < n; r++) {
    const base = r * n;
    for (let c = r + 1; c < n; c++) {
      const d = Math.abs(values[base + c] - q);
      if (d < half) counts[Math.floor((d / half) * buckets)]++;
    }
  }
  // labelled and skipped pairs are dropped after this selection, so it takes that many more: skips never
  // exhaust the candidates while unlabelled pairs are left in the band
  const want = limit * 4 + (labels.size ?? 0) + skipped.size;
  let cutoff = 0;
  for (let seen = 0; cutoff < buckets; cutoff++) {
    seen += counts[cutoff];
    if (seen >= want) break;
  }
  const near = [];
  for (let r = 0; r < n; r++) {
    const base = r * n;
    for (let c = r + 1; c < n; c++) {
      const d = Math.abs(values[base + c] - q);
      if (d < half && Math.floor((d / half) * buckets) <= cutoff) near.push([d, order[r], order[c]]);
    }
  }
  near.sort((a, b) => a[0] - b[0]);
  for (const [, i, j] of near.slice(0, want)) consider(i, j, 0, 'near-threshold');

  // Contradiction: neighbours of a labelled pair whose cosine disagrees with that label.
  const nn = new Map();
  const neighboursOf = (i) => {
    if (!nn.has(i)) nn.set(i, [i, ...nearestNeighbours(matrix, i, neighbours).map((x) => x.j)]);
    return nn.get(i);
  };
  for (const { i, j, label } of labels.all()) {
    for (const a of neighboursOf(i)) {
      for (const b of neighboursOf(j)) {
        if (a === i && b === j) continue;
        const s = matrix.at(a, b);
        const predicted = s >= threshold ? 1 : -1;
        if (predicted !== label) {
          const reason = label === 1 ? 'contradicts-similar' : 'contradicts-dissimilar';
          consider(a, b, contradictionWeight, reason);
        }
      }
    }
  }
  return [...candidates.values()]
    .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j)
    .slice(0, limit);
}

export const QUEUE_MODES = ['informative', 'random'];

/**
 * The queue's next pair, or null when every pair is labelled or skipped.
 * - 'informative': pairs implied by the user's +1 labels first (for the user to confirm or deny), then the
 *   ranking above; when no unlabelled pair is left near the threshold, the nearest ones anywhere.
 * - 'random': a uniformly drawn unlabelled pair, for an unbiased estimate of the metrics (implied pairs and
 *   the ranking would bias it).
 * implied: [{i, j, path}] from the server, shortest chains first.
 */
export function nextPair({ mode = 'informative', matrix, labels, skipped = new Set(), threshold, implied = [], random = Math.random }) {
  if (mode === 'random') return randomPair(matrix, labels, skipped, random);
  for (const p of implied) {
    if (p.i !== p.j && labels.get(p.i, p.j) === 0 && !skipped.has(pairKey(p.i, p.j))) {
      return { i: Math.min(p.i, p.j), j: Math.max(p.i, p.j), similarity: matrix.at(p.i, p.j), score: Infinity, reason: 'implied', path: p.path };
    }
  }
  const options = { limit: 1, skipped };
  return rankPairs(matrix, labels, threshold, options)[0] ?? rankPairs(matrix, labels, threshold, { ...options, band: 3 })[0] ?? null;
}

/** A uniformly random unlabelled, unskipped pair i < j; null when there is none. */
export function randomPair(matrix, labels, skipped, random = Math.random) {
  const n = matrix.n;
  const free = (i, j) => labels.get(i, j) === 0 && !skipped.has(pairKey(i, j));
  const pick = (i, j) => ({ i, j, similarity: matrix.at(i, j), score: 0, reason: 'random' });
  // rejection sampling is uniform and cheap while most pairs are free; near the end, list what is left
  for (let attempt = 0; attempt < 64; attempt++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a !== b && free(Math.min(a, b), Math.max(a, b))) return pick(Math.min(a, b), Math.max(a, b));
  }
  const left = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (free(i, j)) left.push([i, j]);
  if (left.length === 0) return null;
  const [i, j] = left[Math.floor(random() * left.length)];
  return pick(i, j);
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankPairs, currentThreshold } from '../src/queue.js';
import { LabelStore } from '../src/labels.js';
import { nearestNeighbours, countAbove } from '../src/neighbours.js';
import { matrixOf } from './helpers.js';

// Sentences 0,1 are a tight pair; 2,3 another; cross pairs are low; 1-2 sits at 0.52.
const rows = [
  [1, 0.9, 0.1, 0.05],
  [0.9, 1, 0.52, 0.3],
  [0.1, 0.52, 1, 0.85],
  [0.05, 0.3, 0.85, 1],
];

test('threshold comes from F1, then accuracy, then 0.5', () => {
  assert.equal(currentThreshold({ f1Threshold: 0.6, accuracyThreshold: 0.4 }), 0.6);
  assert.equal(currentThreshold({ f1Threshold: null, accuracyThreshold: 0.4 }), 0.4);
  assert.equal(currentThreshold(null), 0.5);
});

test('without labels, the pair nearest the threshold comes first', () => {
  const ranked = rankPairs(matrixOf(rows), new LabelStore(), 0.5);
  assert.deepEqual([ranked[0].i, ranked[0].j], [1, 2]);
  assert.equal(ranked[0].reason, 'near-threshold');
  // pairs far outside the band (0.9, 0.05) are not suggested
  assert.ok(!ranked.some((p) => p.i === 0 && p.j === 3));
});

test('labelled and skipped pairs are never suggested', () => {
  const labels = new LabelStore([{ i: 1, j: 2, label: -1 }]);
  const skipped = new Set(['1,3']);
  const ranked = rankPairs(matrixOf(rows), labels, 0.5, { skipped });
  assert.ok(!ranked.some((p) => (p.i === 1 && p.j === 2) || (p.i === 1 && p.j === 3)));
});

test('a pair contradicting its neighbours\' label outranks a merely uncertain one', () => {
  // 0-2 labelled similar although cosine says 0.1; its neighbour pair 1-3 (0.3) is then suspect
  // too, and comes before 1-2 which is only near the threshold.
  const labels = new LabelStore([{ i: 0, j: 2, label: 1 }]);
  const ranked = rankPairs(matrixOf(rows), labels, 0.5, { neighbours: 1 });
  assert.deepEqual([ranked[0].i, ranked[0].j], [1, 3]);
  assert.equal(ranked[0].reason, 'contradicts-similar');
});

test('ranking works in cluster order too (indices are sentences, not rows)', () => {
  const ranked = rankPairs(matrixOf(rows, [2, 0, 3, 1]), new LabelStore(), 0.5);
  assert.deepEqual([ranked[0].i, ranked[0].j], [1, 2]);
  assert.equal(ranked[0].similarity, 0.52);
});

test('nearest neighbours are sorted and exclude the sentence itself', () => {
  const m = matrixOf(rows, [3, 1, 0, 2]);
  assert.deepEqual(nearestNeighbours(m, 1, 2), [{ j: 0, similarity: 0.9 }, { j: 2, similarity: 0.52 }]);
  assert.equal(countAbove(m, 0.5), 3);
});

/** n sentences whose every pair sits within ±0.2 of 0.5, deterministic. */
function nearThreshold(n) {
  const rows = [];
  for (let r = 0; r < n; r++) {
    rows.push([]);
    for (let c = 0; c < n; c++) rows[r].push(r === c ? 1 : 0.5 + 0.2 * Math.sin(7 * Math.min(r, c) + 13 * Math.max(r, c)));
  }
  return matrixOf(rows);
}

test('skipping never ends the queue while unlabelled pairs are left near the threshold', async () => {
  const { nextPair } = await import('../src/queue.js');
  const { pairKey } = await import('../src/labels.js');
  const matrix = nearThreshold(12); // 66 pairs
  const skipped = new Set();
  const seen = new Set();
  for (let k = 0; k < 66; k++) {
    const p = rankPairs(matrix, new LabelStore(), 0.5, { limit: 1, skipped })[0];
    assert.ok(p, `pair ${k} offered after ${k} skips`);
    assert.ok(!seen.has(pairKey(p.i, p.j)));
    seen.add(pairKey(p.i, p.j));
    skipped.add(pairKey(p.i, p.j));
  }
  assert.equal(nextPair({ matrix, labels: new LabelStore(), skipped, threshold: 0.5 }), null, 'done once all are skipped');
});

test('when nothing is left near the threshold, the queue offers the nearest pairs anywhere', async () => {
  const { nextPair } = await import('../src/queue.js');
  const p = nextPair({ matrix: matrixOf(rows), labels: new LabelStore([{ i: 1, j: 2, label: 1 }, { i: 1, j: 3, label: 1 }]), threshold: 0.5 });
  assert.ok(p);
  assert.notDeepEqual([p.i, p.j], [1, 2]);
});

test('pairs implied by +1 labels come first in informative mode, unless labelled or skipped', async () => {
  const { nextPair } = await import('../src/queue.js');
  const matrix = matrixOf(rows);
  const implied = [{ i: 3, j: 0, path: [0, 1, 2, 3] }, { i: 0, j: 2, path: [0, 1, 2] }];
  const first = nextPair({ matrix, labels: new LabelStore(), threshold: 0.5, implied });
  assert.deepEqual([first.i, first.j, first.reason], [0, 3, 'implied']);
  assert.deepEqual(first.path, [0, 1, 2, 3]);
  const second = nextPair({ matrix, labels: new LabelStore([{ i: 0, j: 3, label: -1 }]), threshold: 0.5, implied });
  assert.deepEqual([second.i, second.j], [0, 2]);
  const third = nextPair({ matrix, labels: new LabelStore([{ i: 0, j: 3, label: -1 }]), skipped: new Set(['0,2']), threshold: 0.5, implied });
  assert.notEqual(third.reason, 'implied');
  assert.notEqual(nextPair({ mode: 'random', matrix, labels: new LabelStore(), threshold: 0.5, implied, random: () => 0.99 }).reason, 'implied');
});

test('random mode draws unlabelled, unskipped pairs uniformly, down to the last one', async () => {
  const { randomPair } = await import('../src/queue.js');
  const matrix = nearThreshold(6); // 15 pairs
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const counts = new Map();
  for (let k = 0; k < 3000; k++) {
    const p = randomPair(matrix, new LabelStore([{ i: 0, j: 1, label: 1 }]), new Set(['2,3']), random);
    counts.set(`${p.i},${p.j}`, (counts.get(`${p.i},${p.j}`) ?? 0) + 1);
  }
  assert.equal(counts.size, 13);
  for (const c of counts.values()) assert.ok(c > 150 && c < 320, `count ${c} near 3000/13`);
  const all = new Set();
  for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) all.add(`${i},${j}`);
  all.delete('4,5');
  assert.deepEqual(randomPair(matrix, new LabelStore(), all, random).reason, 'random');
  assert.deepEqual([randomPair(matrix, new LabelStore(), all, random).i, randomPair(matrix, new LabelStore(), all, random).j], [4, 5]);
  all.add('4,5');
  assert.equal(randomPair(matrix, new LabelStore(), all, random), null);
});

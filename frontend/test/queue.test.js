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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogram, rocCurve } from '../src/charts.js';

test('histogram counts values per bin and includes the upper edge', () => {
  const { counts, edges } = histogram([-1, -0.1, 0, 0.49, 0.5, 1, 2], { min: -1, max: 1, count: 4 });
  assert.deepEqual(counts, [1, 1, 2, 2]);
  assert.deepEqual(edges, [-1, -0.5, 0, 0.5, 1]);
});

test('ROC of a perfect ranking has area 1', () => {
  const { auc, points } = rocCurve([0.9, 0.8, 0.2, 0.1], [1, 1, -1, -1]);
  assert.equal(auc, 1);
  assert.deepEqual(points.at(-1), { fpr: 1, tpr: 1, threshold: 0.1 });
});

test('ROC area equals the Mann-Whitney probability, ties counting half', () => {
  const scores = [0.9, 0.7, 0.7, 0.4, 0.3, 0.2];
  const labels = [1, -1, 1, 1, -1, -1];
  let wins = 0;
  const pos = scores.filter((_, k) => labels[k] === 1);
  const neg = scores.filter((_, k) => labels[k] === -1);
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  const { auc } = rocCurve(scores, labels);
  assert.ok(Math.abs(auc - wins / (pos.length * neg.length)) < 1e-12);
});

test('ROC needs both classes', () => {
  assert.deepEqual(rocCurve([0.3, 0.4], [1, 1]), { points: [], auc: null });
});

test('labelled values split by label, and the histogram starts at the data\'s low end rounded down', async () => {
  const { labelledValues, histogramRange } = await import('../src/charts.js');
  const matrix = { at: (i, j) => (i + j) / 10 };
  const labels = [{ i: 0, j: 1, label: 1 }, { i: 2, j: 3, label: -1 }, { i: 1, j: 4, label: 1 }];
  assert.deepEqual(labelledValues(labels, matrix), { pos: [0.1, 0.5], neg: [0.5] });
  assert.deepEqual(histogramRange({ lo: -0.13, hi: 1 }), { min: -0.2, max: 1, count: 24 });
  assert.deepEqual(histogramRange({ lo: 0.31 }, 10), { min: 0.3, max: 1, count: 10 });
});

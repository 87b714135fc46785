import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionProblem, comparisonPath, comparisonTable, modelDifference, disagreementItems, picked, defaultPicks,
  toggledLabel, pickerGroups, keptPick } from '../src/compare.js';
import { matrixOf } from './helpers.js';
import { translator } from '../src/messages.js';

const t = translator({ 'compare.row.rocAuc': 'ROC-AUC', 'compare.row.averagePrecision': 'Average precision',
  'compare.row.accuracy': 'Best accuracy', 'compare.row.f1': 'Best F1', 'compare.row.spearman': 'Spearman with A',
  'compare.row.loss': 'Loss: {0}', 'compare.undefined': 'undefined ({0})' });

const comparison = {
  models: [
    { model: 'a', metrics: { pairs: 3, rocAuc: 0.8, averagePrecision: 0.7, accuracy: 0.66, f1: null },
      losses: { losses: [{ loss: 'cosent', value: 2.5 }, { loss: 'softmax-ce', value: null, undefinedReason: 'no positive' }] },
      spearmanWithFirst: 1 },
    { model: 'b', metrics: { pairs: 3, rocAuc: 0.9, averagePrecision: 0.7, accuracy: 0.5, f1: null },
      losses: { losses: [{ loss: 'cosent', value: 1.5 }, { loss: 'softmax-ce', value: null, undefinedReason: 'no positive' }] },
      spearmanWithFirst: 0.25 },
  ],
  disagreements: [{ i: 2, j: 0, cosines: [0.1, 0.654], rankDifference: 4 }, { i: 1, j: 2, cosines: [0.9, 0.2], rankDifference: -3 }],
};

test('a choice of models is 2 to 4 distinct ids', () => {
  assert.equal(selectionProblem(['a', 'b']), null);
  assert.equal(selectionProblem(['a', 'b', '', 'c']), null, 'an unused picker is left out');
  assert.equal(selectionProblem(['a', ' ', '']), 'compare.pickTwo');
  assert.equal(selectionProblem(['a', 'b', 'c', 'd', 'e']), 'compare.pickAtMostFour');
  assert.equal(selectionProblem(['a', 'a']), 'compare.pickOnce');
  assert.deepEqual(picked(['a', '', null, ' b ']), ['a', 'b']);
  assert.equal(comparisonPath(7, ['all-minilm-l6-v2', 'x:y']), '/api/datasets/7/comparison?models=all-minilm-l6-v2,x%3Ay');
});

test('the table marks the single best model per row, higher metrics and lower losses', () => {
  const table = comparisonTable(comparison, t);
  assert.deepEqual(table.headers, ['a', 'b']);
  const row = (label) => table.rows.find((r) => r.label === label);
  assert.deepEqual(row('ROC-AUC'), { label: 'ROC-AUC', cells: ['0.8000', '0.9000'], best: 1 });
  assert.equal(row('Average precision').best, -1, 'a tie has no single best');
  const shownTie = comparisonTable({ ...comparison, models: comparison.models.map((m, k) => ({ ...m,
    metrics: { ...m.metrics, rocAuc: 0.91 + k * 1e-6 } })) }, t);
  assert.equal(shownTie.rows.find((r) => r.label === 'ROC-AUC').best, -1, 'equal to 4 decimals is a tie');
  assert.equal(row('Best accuracy').best, 0);
  assert.deepEqual(row('Best F1').cells, ['—', '—']);
  assert.equal(row('Loss: cosent').best, 1);
  assert.match(row('Loss: softmax-ce').cells[0], /undefined \(no positive\)/);
  assert.equal(row('Spearman with A').best, -1);
  assert.deepEqual(row('compare.row.pairs').cells, ['3', '3']);
});

test('the difference is B − A in the page order, whatever orders A and B came in', () => {
  const rowsA = [[1, 0.5, 0.2], [0.5, 1, 0.1], [0.2, 0.1, 1]];
  const rowsB = [[1, 0.4, 0.6], [0.4, 1, 0.3], [0.6, 0.3, 1]];
  const page = matrixOf(rowsA, [1, 0, 2]);
  const { matrix, maxAbs } = modelDifference(page, matrixOf(rowsA, [2, 1, 0]), matrixOf(rowsB, [0, 2, 1]));
  assert.deepEqual([...matrix.order], [1, 0, 2]);
  assert.ok(Math.abs(matrix.at(0, 1) - (0.4 - 0.5)) < 1e-9);
  assert.ok(Math.abs(matrix.at(2, 0) - (0.6 - 0.2)) < 1e-9);
  assert.ok(Math.abs(matrix.atCell(0, 2) - (0.3 - 0.1)) < 1e-9, 'row 0 shows sentence 1, column 2 sentence 2');
  assert.equal(matrix.at(1, 1), 0);
  assert.ok(Math.abs(maxAbs - 0.4) < 1e-9);
});

test('disagreements carry both sentences, the model ranking the pair higher and an existing label', () => {
  const labels = new Map([['0,2', -1]]);
  const items = disagreementItems(comparison, ['s0', 's1', 's2'], (i, j) => labels.get(`${Math.min(i, j)},${Math.max(i, j)}`));
  assert.deepEqual(items[0], { i: 2, j: 0, first: 's2', second: 's0', cosines: ['0.10', '0.65'], higherUnder: 'b',
    rankDifference: 4, label: -1 });
  assert.equal(items[1].higherUnder, 'a');
  assert.equal(items[1].label, 0);
});

test('A starts as the model of the dataset and B as the next other model', () => {
  assert.deepEqual(defaultPicks(['m1', 'm2', 'm3'], 'm2'), ['m2', 'm1']);
  assert.deepEqual(defaultPicks(['m1', 'm2'], 'gone'), ['m1', 'm2']);
  assert.deepEqual(defaultPicks(['m1'], 'm1'), ['m1', '']);
});

test('clicking the label a pair has clears it; the other label replaces it', () => {
  assert.equal(toggledLabel(0, 1), 1);
  assert.equal(toggledLabel(1, 1), 0);
  assert.equal(toggledLabel(1, -1), -1);
});

test("the pickers group models by dataset, this dataset's adapters first", () => {
  const models = [{ id: 'minilm' }, { id: 'bge' },
    { id: 'minilm:d3-cosent', base: 'minilm', adapter: true, datasetId: 3 },
    { id: 'minilm:d7-cosent', base: 'minilm', adapter: true, datasetId: 7 },
    { id: 'minilm:d9-sigmoid', base: 'minilm', adapter: true, datasetId: 9 },
    { id: 'minilm:d7-contrastive', base: 'minilm', adapter: true, datasetId: 7 },
    { id: 'minilm:orphan', base: 'minilm', adapter: true }];
  const groups = pickerGroups(models, [{ id: 3, name: 'three' }, { id: 7, name: 'seven' }, { id: 9, name: 'nine' }], '7');
  assert.deepEqual(groups, [
    { label: ['compare.group.thisDataset', 7], ids: ['minilm:d7-cosent', 'minilm:d7-contrastive'] },
    { label: ['compare.group.builtIn'], ids: ['minilm', 'bge'] },
    { label: ['compare.group.dataset', 9, 'nine'], ids: ['minilm:d9-sigmoid'] },
    { label: ['compare.group.dataset', 3, 'three'], ids: ['minilm:d3-cosent'] },
    { label: ['compare.group.noDataset'], ids: ['minilm:orphan'] },
  ]);
  assert.deepEqual(pickerGroups([{ id: 'minilm' }], [], 1), [{ label: ['compare.group.builtIn'], ids: ['minilm'] }]);
});

test('a refreshed picker keeps its model while it is still listed', () => {
  assert.equal(keptPick('minilm:d7-cosent', ['minilm', 'minilm:d7-cosent'], 'minilm'), 'minilm:d7-cosent');
  assert.equal(keptPick('minilm:gone', ['minilm'], 'minilm'), 'minilm');
  assert.equal(keptPick('', ['minilm'], ''), '');
});

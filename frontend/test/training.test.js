import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainingRequest, freeName, curveSeries, metricRows, compareRows, compareNotes, defaultName, compareName,
  isCompareName, current, formatChange, formatInterval, adapterExportPath } from '../src/training.js';

const form = { name: 'cosent-1', loss: 'cosent', rank: 'full', steps: '300', learningRate: '0.001', validationShare: '0.2' };

test('a valid form gives the API body with numbers and the rank as the API takes it', () => {
  assert.deepEqual(trainingRequest(form).body,
    { name: 'cosent-1', loss: 'cosent', rank: 'full', steps: 300, learningRate: 0.001, validationFraction: 0.2, seed: 0 });
  assert.equal(trainingRequest({ ...form, rank: '8' }).body.rank, 8);
});

test('each bad field is named, as the server would name it', () => {
  const { errors } = trainingRequest({ name: 'Bad Name', loss: '', rank: '0', steps: '0', learningRate: '-1', validationShare: '1' });
  assert.deepEqual(errors.map((e) => e.field).sort(), ['learningRate', 'loss', 'name', 'rank', 'steps', 'validationShare']);
  assert.ok(trainingRequest({ ...form, steps: '100001' }).errors);
  assert.ok(trainingRequest({ ...form, steps: '2.5' }).errors);
  assert.ok(trainingRequest({ ...form, learningRate: 'NaN' }).errors);
});

test('a free name appends a number when the wanted one is taken', () => {
  assert.equal(freeName('cosent', []), 'cosent');
  assert.equal(freeName('cosent', ['cosent', 'cosent-2']), 'cosent-3');
});

test('curve series skip undefined points and keep the steps', () => {
  const series = curveSeries([
    { step: 0, trainLoss: 1, validationLoss: null, validationAuc: 0.6, meanNorm: 1 },
    { step: 10, trainLoss: 0.8, validationLoss: 0.9, validationAuc: 0.7, meanNorm: 1.1 },
  ]);
  assert.deepEqual(series.trainLoss, [{ x: 0, y: 1 }, { x: 10, y: 0.8 }]);
  assert.deepEqual(series.validationLoss, [{ x: 10, y: 0.9 }]);
  assert.deepEqual(series.meanNorm.map((p) => p.y), [1, 1.1]);
});

test('metric rows pair before and after with the change, validation first', () => {
  const before = { validation: { rocAuc: 0.7, averagePrecision: 0.6, accuracy: 0.65, f1: null }, training: { rocAuc: 0.72 } };
  const after = { validation: { rocAuc: 0.8, averagePrecision: 0.7, accuracy: 0.7, f1: 0.5 }, training: { rocAuc: 0.9 } };
  const rows = metricRows(before, after);
  assert.equal(rows[0].side, 'validation');
  assert.equal(rows[0].metric, 'rocAuc');
  assert.ok(Math.abs(rows[0].change - 0.1) < 1e-12);
  assert.equal(rows[3].change, null);
  assert.equal(rows.find((r) => r.side === 'training' && r.metric === 'rocAuc').after, 0.9);
  assert.equal(formatChange(-0.0123), '−0.012');
});

test('compare rows follow the loss order and read validation metrics before and after', () => {
  const rows = compareRows([
    { id: 2, loss: 'cosent', status: 'done', bestStep: 20, before: { validation: { rocAuc: 0.7, averagePrecision: 0.6 } },
      after: { validation: { rocAuc: 0.8, averagePrecision: 0.75 } }, curve: [{ meanNorm: 1 }, { meanNorm: 1.3 }] },
    { id: 1, loss: 'contrastive', status: 'running', bestStep: null, before: null, after: null, curve: [] },
  ], ['contrastive', 'cosent']);
  assert.deepEqual(rows.map((r) => r.loss), ['contrastive', 'cosent']);
  assert.equal(rows[1].aucAfter, 0.8);
  assert.equal(rows[1].meanNorm, 1.3);
  assert.equal(rows[0].aucBefore, null);
});

test('after a reload the panel follows a running adapter, else the latest', () => {
  assert.equal(current([{ id: 1, status: 'done' }, { id: 2, status: 'running' }, { id: 3, status: 'failed' }]).id, 2);
  assert.equal(current([{ id: 1, status: 'done' }, { id: 3, status: 'failed' }]).id, 3);
  assert.equal(current([]), null);
});

test('a finished adapter downloads from its export path', () => {
  assert.equal(adapterExportPath({ id: 42 }), '/api/adapters/42/export');
});

test('default names carry the dataset id, so two datasets of one model never propose the same name', () => {
  assert.equal(defaultName(7, 'cosent', []), 'd7-cosent');
  assert.notEqual(defaultName(7, 'cosent', []), defaultName(8, 'cosent', []));
  assert.equal(defaultName(7, 'cosent', ['d7-cosent']), 'd7-cosent-2');
  assert.equal(compareName(7, 'online-contrastive', []), 'd7-compare-online-contrastive');
  assert.notEqual(compareName(7, 'cosent', []), compareName(8, 'cosent', []));
  assert.ok(trainingRequest({ ...form, name: compareName(123456, 'seed-sigmoid-bce', []) }).body);
  assert.ok(isCompareName('d7-compare-cosent'));
  assert.ok(isCompareName('compare-cosent'));
  assert.ok(!isCompareName('d7-cosent'));
});

test('metric rows carry the 95 % interval the server gives, and it prints after the value', () => {
  const before = { validation: { rocAuc: 0.5, rocAucLow: 0.1, rocAucHigh: 0.9 } };
  const after = { validation: { rocAuc: 1, rocAucLow: 0.62, rocAucHigh: 1 } };
  const row = metricRows(before, after)[0];
  assert.deepEqual(row.beforeInterval, { low: 0.1, high: 0.9 });
  assert.deepEqual(row.afterInterval, { low: 0.62, high: 1 });
  assert.equal(metricRows(before, after)[1].afterInterval, null);
  assert.equal(formatInterval(row.afterInterval), ' [0.62, 1.00]');
  assert.equal(formatInterval(null), '');
});

test('compare rows mark the one best loss and the notes explain a best step of 0', () => {
  const adapter = (id, loss, after, bestStep, status = 'done') => ({ id, loss, status, bestStep,
    before: { validation: { rocAuc: 0.7 } }, after: { validation: { rocAuc: after } }, curve: [] });
  const rows = compareRows([adapter(1, 'cosent', 0.81, 20), adapter(2, 'contrastive', 0.7, 0),
    adapter(3, 'sigmoid', 0.9, 10, 'running')], ['cosent', 'contrastive', 'sigmoid']);
  assert.deepEqual(rows.map((r) => r.best), [true, false, false]);
  assert.deepEqual(compareNotes(rows), [['train.compare.bestLoss', 'cosent'], ['train.compare.baseKept', 'contrastive']]);
  const tie = compareRows([adapter(1, 'cosent', 0.8, 20), adapter(2, 'contrastive', 0.8, 10)], ['cosent', 'contrastive']);
  assert.deepEqual(tie.map((r) => r.best), [false, false]);
  assert.deepEqual(compareNotes(tie), [['train.compare.allTie']]);
  const two = compareRows([adapter(1, 'cosent', 0.9, 20), adapter(2, 'contrastive', 0.9, 10), adapter(3, 'sigmoid', 0.6, 10)],
    ['cosent', 'contrastive', 'sigmoid']);
  assert.deepEqual(two.map((r) => r.best), [true, true, false]);
  assert.deepEqual(compareNotes(two)[0], ['train.compare.bestLoss', 'cosent, contrastive']);
  assert.deepEqual(compareNotes(compareRows([adapter(1, 'cosent', 0.7, 0, 'running')], ['cosent'])), []);
});

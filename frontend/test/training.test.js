import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainingRequest, freeName, curveSeries, metricRows, compareRows,
  current, formatChange, adapterExportPath } from '../src/training.js';

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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importDataset, lossIds, trainingBundleUrl } from '../src/dataset-transfer.js';

function answering(status, body, calls = []) {
  return async (url, init) => {
    calls.push({ url, init });
    return { status, json: async () => (body === undefined ? Promise.reject(new Error('no body')) : body) };
  };
}

test('an import sends the file as JSON and opens the new dataset', async () => {
  const calls = [];
  const file = { name: 'dataset-3.json' };
  const result = await importDataset(file, answering(201, { id: 12, name: 'demo' }, calls), 'failed ({0})');
  assert.deepEqual(result, { page: '/datasets/12' });
  assert.equal(calls[0].url, '/api/datasets/import');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.body, file);
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
});

test('a refused import shows the problem detail, or the status when there is none', async () => {
  assert.deepEqual(await importDataset({}, answering(400, { detail: 'The file is not a dataset export.' }), 'x'),
    { error: 'The file is not a dataset export.' });
  assert.deepEqual(await importDataset({}, answering(502), 'The import failed (status {0}).'),
    { error: 'The import failed (status 502).' });
  assert.deepEqual(await importDataset({}, answering(201, {}), 'failed ({0})'), { error: 'failed (201)' });
});

test('the training bundle is asked for with its loss and seed', () => {
  assert.equal(trainingBundleUrl(7, 'cosent'), '/api/datasets/7/export/training?loss=cosent&seed=0');
  assert.equal(trainingBundleUrl(7, 'online-contrastive', 3),
    '/api/datasets/7/export/training?loss=online-contrastive&seed=3');
});

test('the loss picker lists the ids of GET /api/losses in order', () => {
  assert.deepEqual(lossIds([{ id: 'cosent' }, { id: 'contrastive' }, { name: 'no id' }]), ['cosent', 'contrastive']);
  assert.deepEqual(lossIds(null), []);
});

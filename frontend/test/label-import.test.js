import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importLabels, importedCount } from '../src/label-import.js';

test('the count is whichever field the answer names, and null when there is none', () => {
  assert.equal(importedCount({ imported: 12 }), 12);
  assert.equal(importedCount({ labels: 3 }), 3);
  assert.equal(importedCount({ count: 0 }), 0);
  assert.equal(importedCount({ imported: 'x' }), null);
  assert.equal(importedCount(null), null);
});

test('the file goes up as the form field "file" to the dataset\'s import, and a JSON answer gives the count', async () => {
  const sent = [];
  const request = async (url, options) => {
    sent.push([url, options.method, [...options.body.entries()].map(([k, v]) => [k, v.name])]);
    return new Response(JSON.stringify({ imported: 7 }), { headers: { 'Content-Type': 'application/json' } });
  };
  const file = new File(['i,j,label\n0,1,1\n'], 'labels.csv', { type: 'text/csv' });
  assert.equal(await importLabels('/api/datasets/2', file, request), 7);
  assert.deepEqual(sent, [['/api/datasets/2/labels/import', 'POST', [['file', 'labels.csv']]]]);
  const plain = async () => new Response('done', { headers: { 'Content-Type': 'text/plain' } });
  assert.equal(await importLabels('/api/datasets/2', file, plain), null);
});

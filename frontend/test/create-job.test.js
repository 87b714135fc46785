import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressView } from '../src/create-job.js';

const texts = { starting: 'Starting…', progress: 'Embedding: {0} of {1} sentences', saving: 'Saving…' };

test('the bar counts embedded sentences, then says the dataset is being saved', () => {
  assert.deepEqual(progressView(null, texts), { value: 0, max: 1, text: 'Starting…' });
  assert.deepEqual(progressView({ state: 'RUNNING', embedded: 0, total: 0 }, texts), { value: 0, max: 1, text: 'Starting…' });
  assert.deepEqual(progressView({ state: 'RUNNING', embedded: 512, total: 2000 }, texts),
    { value: 512, max: 2000, text: 'Embedding: 512 of 2000 sentences' });
  assert.deepEqual(progressView({ state: 'RUNNING', embedded: 2000, total: 2000 }, texts), { value: 2000, max: 2000, text: 'Saving…' });
});

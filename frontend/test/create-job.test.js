import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, hasEnded, progressView } from '../src/create-job.js';

const texts = { starting: 'Starting…', progress: 'Embedding: {0} of {1} sentences', saving: 'Saving…' };

test('the bar counts embedded sentences, then says the dataset is being saved', () => {
  assert.deepEqual(progressView(null, texts), { value: 0, max: 1, text: 'Starting…' });
  assert.deepEqual(progressView({ state: 'RUNNING', embedded: 0, total: 0 }, texts), { value: 0, max: 1, text: 'Starting…' });
  assert.deepEqual(progressView({ state: 'RUNNING', embedded: 512, total: 2000 }, texts),
    { value: 512, max: 2000, text: 'Embedding: 512 of 2000 sentences' });
  assert.deepEqual(progressView({ state: 'RUNNING', embedded: 2000, total: 2000 }, texts), { value: 2000, max: 2000, text: 'Saving…' });
});

test('the text says how many duplicate lines were merged and about how long is left', () => {
  const all = { ...texts, duplicates: '{0} duplicate lines merged', eta: 'about {0} left' };
  assert.deepEqual(progressView({ state: 'RUNNING', embedded: 500, total: 1790, duplicates: 210, etaSeconds: 95 }, all),
    { value: 500, max: 1790, text: 'Embedding: 500 of 1790 sentences · 210 duplicate lines merged · about 2 min left' });
  assert.equal(progressView({ state: 'RUNNING', embedded: 1790, total: 1790, duplicates: 210 }, all).text,
    'Saving… · 210 duplicate lines merged');
  assert.equal(progressView({ state: 'RUNNING', embedded: 0, total: 10, duplicates: 0, etaSeconds: null }, all).text,
    'Embedding: 0 of 10 sentences');
});

test('a job waiting to be taken up after a stop says it resumes instead of a time left', () => {
  const all = { ...texts, eta: 'about {0} left', resuming: 'resuming after a stop' };
  assert.equal(progressView({ state: 'RUNNING', embedded: 640, total: 5000, etaSeconds: 30, resuming: true }, all).text,
    'Embedding: 640 of 5000 sentences · resuming after a stop');
  assert.equal(progressView({ state: 'RUNNING', embedded: 640, total: 5000, etaSeconds: 30, resuming: false }, all).text,
    'Embedding: 640 of 5000 sentences · about 30 s left');
});

test('times left are rounded to seconds, minutes, or hours and minutes', () => {
  assert.equal(formatDuration(0), '0 s');
  assert.equal(formatDuration(44.4), '44 s');
  assert.equal(formatDuration(95), '2 min');
  assert.equal(formatDuration(3725), '1 h 02 min');
});

test('a job has ended once it is done, failed, cancelled or interrupted', () => {
  assert.deepEqual(['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED', 'INTERRUPTED'].map((state) => hasEnded({ state })),
    [false, false, true, true, true, true]);
});

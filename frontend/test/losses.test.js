import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topContributions, describeLossOutcome, sigmoidBceExplanation, formatValue, lossOutcomes } from '../src/losses.js';
import { sentenceTexts, labelList, request, ApiError, outcome } from '../src/api.js';

test('top contributions by absolute value', () => {
  const top = topContributions({ pairContributions: [
    { i: 0, j: 1, contribution: 0.1 }, { i: 0, j: 2, contribution: -0.5 }, { i: 1, j: 2, contribution: 0.3 },
  ] }, 2);
  assert.deepEqual(top.map((p) => p.j + 10 * p.i), [2, 12]);
  assert.deepEqual(topContributions({}), []);
});

test('422 is shown as undefined with the reason, other failures as errors', () => {
  const undef = describeLossOutcome({ ok: false, status: 422, problem: { detail: 'no row has a positive and another candidate' } });
  assert.deepEqual(undef, { state: 'undefined', text: 'undefined', detail: 'no row has a positive and another candidate' });
  assert.equal(describeLossOutcome({ ok: false, status: 500, problem: {} }).state, 'error');
  const ok = describeLossOutcome({ ok: true, body: { value: 0.123456, labelledPairs: 3 } });
  assert.deepEqual(ok, { state: 'value', text: '0.1235', detail: '3 labelled pairs' });
});

test('one answer for every loss becomes one outcome per loss', () => {
  const all = { ok: true, body: { model: 'm', labelledPairs: 3, losses: [
    { loss: 'cosine-mse', value: 0.5, undefinedReason: null, params: {} },
    { loss: 'softmax-ce', value: null, undefinedReason: 'softmax-ce is undefined for this target', params: { temperature: 0.05 } },
  ] } };
  const byId = lossOutcomes(all, ['cosine-mse', 'softmax-ce']);
  assert.deepEqual(describeLossOutcome(byId.get('cosine-mse')), { state: 'value', text: '0.5000', detail: '3 labelled pairs' });
  assert.deepEqual(describeLossOutcome(byId.get('softmax-ce')),
    { state: 'undefined', text: 'undefined', detail: 'softmax-ce is undefined for this target' });
  // a value of 0 is a value, not an undefined loss
  const zero = lossOutcomes({ ok: true, body: { labelledPairs: 1, losses: [{ loss: 'cosent', value: 0, undefinedReason: null }] } }, ['cosent']);
  assert.equal(describeLossOutcome(zero.get('cosent')).state, 'value');
  // a failed call is every loss's failure
  const down = { ok: false, status: 0, problem: { detail: 'The server did not answer.' } };
  const failed = lossOutcomes(down, ['cosine-mse', 'cosent']);
  assert.deepEqual([...failed.keys()], ['cosine-mse', 'cosent']);
  assert.equal(describeLossOutcome(failed.get('cosent')).state, 'error');
});

test('values are formatted readably', () => {
  assert.equal(formatValue(12345678), '1.235e+7');
  assert.equal(formatValue(0), '0.0000');
  assert.equal(formatValue(Infinity), '∞');
});

test('seed-sigmoid-bce explanation: unit vectors keep the sigmoid in a narrow band', () => {
  const text = sigmoidBceExplanation({ loss: 'seed-sigmoid-bce', value: 0.6, pairContributions: [{ similarity: 0.8 }, { similarity: -0.1 }] });
  assert.equal(text.kind, 'narrow');
  assert.equal(text.maxAbs, 0.8);
  assert.ok(Math.abs(text.floor - 0.3133) < 1e-4);
});

test('seed-sigmoid-bce explanation: large dot products saturate', () => {
  const text = sigmoidBceExplanation({ loss: 'seed-sigmoid-bce', value: 9, pairContributions: [{ similarity: 40 }, { similarity: 3 }] });
  assert.deepEqual(text, { kind: 'saturated', saturated: 1, pairs: 2, maxAbs: 40 });
  assert.equal(sigmoidBceExplanation({ loss: 'cosine-mse', pairContributions: [{ similarity: 40 }] }), null);
});

test('API shapes are read defensively', () => {
  assert.deepEqual(sentenceTexts({ sentences: ['a', { text: 'b' }, { sentence: 'c' }] }), ['a', 'b', 'c']);
  assert.deepEqual(labelList({ labels: [{ i: 0, j: 1, label: 1, updatedAt: 'x' }] }), [{ i: 0, j: 1, label: 1, changedAt: 0 }]);
  assert.deepEqual(labelList([{ i: 2, j: 3, label: -1, updatedAt: '2026-12-01T20:00:00Z' }]),
    [{ i: 2, j: 3, label: -1, changedAt: Date.parse('2026-12-01T20:00:00Z') }]);
});

test('a problem detail becomes an ApiError with its detail; 422 becomes an outcome', async () => {
  const fakeFetch = async () => new Response(JSON.stringify({ title: 'Unprocessable', status: 422, detail: 'undefined here' }),
    { status: 422, headers: { 'Content-Type': 'application/problem+json' } });
  await assert.rejects(request('/x', {}, fakeFetch), (e) => e instanceof ApiError && e.status === 422 && e.message === 'undefined here');
  assert.deepEqual(await outcome('/x', fakeFetch), { ok: false, status: 422, problem: { title: 'Unprocessable', status: 422, detail: 'undefined here' } });
  const offline = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(request('/x', {}, offline), /could not be reached/);
});

test('a body is read with progress up to its Content-Length', async () => {
  const { readWithProgress } = await import('../src/api.js');
  const chunks = [Uint8Array.from([1, 2, 3]), Uint8Array.from([4, 5]), Uint8Array.from([6])];
  const body = () => new ReadableStream({ start(c) { for (const x of chunks) c.enqueue(x); c.close(); } });
  const seen = [];
  const buffer = await readWithProgress(new Response(body(), { headers: { 'Content-Length': '6' } }), (r, t) => seen.push([r, t]));
  assert.deepEqual([...new Uint8Array(buffer)], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(seen, [[3, 6], [5, 6], [6, 6]]);
  // announced too short: still the whole body
  const longer = await readWithProgress(new Response(body(), { headers: { 'Content-Length': '4' } }));
  assert.deepEqual([...new Uint8Array(longer)], [1, 2, 3, 4, 5, 6]);
  // no length: read in one go
  const plain = await readWithProgress(new Response(Uint8Array.from([9, 8])));
  assert.deepEqual([...new Uint8Array(plain)], [9, 8]);
});

test('the seed-sigmoid-bce explanation words each kind with its figures', async () => {
  const { explanationMessage } = await import('../src/losses.js');
  assert.deepEqual(explanationMessage({ kind: 'saturated', saturated: 3, pairs: 9 }), ['sigmoid.saturated', 3, 9]);
  assert.deepEqual(explanationMessage({ kind: 'narrow', maxAbs: 0.987, floor: Math.log1p(Math.exp(-1)) }), ['sigmoid.narrow', '0.99', '0.313']);
  assert.equal(explanationMessage({ kind: 'high', maxAbs: 2.5 }, 1.25)[0], 'sigmoid.high');
  assert.equal(explanationMessage({ kind: 'high', maxAbs: 2.5 }, 1.25)[2], '2.50');
});

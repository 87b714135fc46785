import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewRows, searchSentences } from '../src/review.js';
import { matrixOf } from './helpers.js';

const matrix = matrixOf([
  [1, 0.9, 0.2, 0.6],
  [0.9, 1, 0.45, 0.1],
  [0.2, 0.45, 1, 0.3],
  [0.6, 0.1, 0.3, 1],
]);
const labels = [
  { i: 0, j: 1, label: 1, changedAt: 100 },
  { i: 0, j: 2, label: 1, changedAt: 300 }, // +1 at 0.2: disagrees
  { i: 0, j: 3, label: -1, changedAt: 200 }, // −1 at 0.6: disagrees
  { i: 1, j: 2, label: -1, changedAt: 50 },
];

test('all labels by pair, with their cosine', () => {
  const { rows, total } = reviewRows(labels, { matrix });
  assert.equal(total, 4);
  assert.deepEqual(rows.map((r) => [r.i, r.j]), [[0, 1], [0, 2], [0, 3], [1, 2]]);
  assert.equal(rows[0].similarity, 0.9);
});

test('the model disagrees: label against the cosine at the threshold, clearest first', () => {
  const { rows } = reviewRows(labels, { filter: 'disagrees', matrix, threshold: 0.5 });
  assert.deepEqual(rows.map((r) => [r.i, r.j]), [[0, 2], [0, 3]]);
  assert.deepEqual(reviewRows(labels, { filter: 'disagrees', matrix, threshold: 0.4 }).rows.map((r) => [r.i, r.j]),
    [[0, 2], [0, 3], [1, 2]]);
});

test('conflicts carry their +1 chain; recent sorts by change time', () => {
  const { rows } = reviewRows(labels, { filter: 'conflicts', matrix, conflicts: [{ i: 1, j: 2, path: [1, 0, 2] }] });
  assert.deepEqual(rows.map((r) => [r.i, r.j, r.path]), [[1, 2, [1, 0, 2]]]);
  assert.deepEqual(reviewRows(labels, { filter: 'recent', matrix }).rows.map((r) => r.changedAt), [300, 200, 100, 50]);
  assert.equal(reviewRows(labels, { matrix, limit: 2 }).rows.length, 2);
});

test('search is a case-insensitive substring match, in sentence order, capped', () => {
  const sentences = ['A Cat sleeps.', 'The dog barks.', 'cats and dogs', 'Nothing here'];
  assert.deepEqual(searchSentences(sentences, 'CAT').matches.map((m) => m.index), [0, 2]);
  assert.deepEqual(searchSentences(sentences, '  dog ').matches.map((m) => m.text), ['The dog barks.', 'cats and dogs']);
  assert.deepEqual(searchSentences(sentences, '').matches, []);
  const capped = searchSentences(sentences, 'a', 2);
  assert.equal(capped.matches.length, 2);
  assert.equal(capped.total, 3);
});

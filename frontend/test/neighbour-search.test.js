import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neighboursUrl, neighbourRows, labelForKey, nextLabel } from '../src/neighbour-search.js';

const labels = { get: (i, j) => (Math.min(i, j) === 2 && Math.max(i, j) === 5 ? 1 : 0) };

test('the URL asks for a sentence or for a trimmed text, with k', () => {
  assert.equal(neighboursUrl('/api/datasets/3', { sentence: 0 }), '/api/datasets/3/neighbours?k=10&sentence=0');
  assert.equal(neighboursUrl('/api/datasets/3', { text: '  café & co ', k: 5 }), '/api/datasets/3/neighbours?k=5&text=caf%C3%A9+%26+co');
  assert.equal(neighboursUrl('/api/datasets/3', { text: '   ' }), null);
  assert.equal(neighboursUrl('/api/datasets/3', {}), null);
});

test('a sentence\'s neighbours pair with it and carry their labels and texts', () => {
  const answer = { of: 2, neighbours: [{ index: 5, similarity: 0.9 }, { index: 7, similarity: 0.4 }] };
  const rows = neighbourRows(answer, labels, ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual(rows, [
    { i: 2, j: 5, similarity: 0.9, label: 1, text: 'f' },
    { i: 2, j: 7, similarity: 0.4, label: 0, text: '' },
  ]);
});

test('a text\'s neighbours pair the nearest sentence with the rest', () => {
  const answer = { of: null, neighbours: [{ index: 2, similarity: 0.8 }, { index: 5, similarity: 0.7 }, { index: 1, similarity: 0.2 }] };
  const rows = neighbourRows(answer, labels, ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual(rows.map((r) => [r.i, r.j, r.label]), [[2, 5, 1], [2, 1, 0]]);
  assert.deepEqual(neighbourRows({ neighbours: [] }, labels, []), []);
});

test('keys label the focused row and a second press clears', () => {
  assert.equal(labelForKey('s'), 1);
  assert.equal(labelForKey('D'), -1);
  assert.equal(labelForKey('Backspace'), 0);
  assert.equal(labelForKey('x'), null);
  assert.equal(nextLabel(1, 1), 0);
  assert.equal(nextLabel(-1, 1), 1);
});

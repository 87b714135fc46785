import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMatrix, matrixFromJson, offDiagonalRange, inOrderOf, differenceMatrix } from '../src/matrix.js';
import { encode, matrixOf } from './helpers.js';

test('decodes N, the order and int16 values in display order', () => {
  // Display order [2, 0, 1]: row r shows sentence order[r].
  const rows = [
    [1, 0.25, -0.5],
    [0.25, 1, 0.75],
    [-0.5, 0.75, 1],
  ];
  const buffer = encode(rows, [2, 0, 1]);
  const m = decodeMatrix(buffer);
  assert.equal(m.n, 3);
  assert.deepEqual([...m.order], [2, 0, 1]);
  assert.equal(m.atCell(0, 1), 0.25);
  assert.equal(m.atCell(1, 2), 0.75);
  // by input index: sentence 2 is display row 0, sentence 0 is row 1
  assert.equal(m.at(2, 0), 0.25);
  assert.equal(m.at(0, 1), 0.75);
  assert.equal(m.at(1, 2), -0.5);
});

test('refuses a truncated buffer with a message naming the sizes', () => {
  const buffer = encode([[1, 0], [0, 1]], [0, 1]).slice(0, 10);
  assert.throws(() => decodeMatrix(buffer), /expected 20 for N=2/);
});

test('refuses an order that is not a permutation', () => {
  assert.throws(() => decodeMatrix(encode([[1, 0], [0, 1]], [1, 1])), /permutation/);
});

test('reads values at an odd-aligned offset as well (N odd is 4+4N bytes, always even)', () => {
  const m = decodeMatrix(encode([[1]], [0]));
  assert.equal(m.atCell(0, 0), 1);
});

test('JSON form gives the same matrix', () => {
  const m = matrixFromJson({ order: [1, 0], matrix: [[1, 0.5], [0.5, 1]] });
  assert.equal(m.at(0, 1), 0.5);
  assert.deepEqual([...m.position], [1, 0]);
});

test('off-diagonal range ignores the diagonal of ones', () => {
  const m = matrixFromJson({ order: [0, 1, 2], matrix: [[1, 0.2, -0.1], [0.2, 1, 0.4], [-0.1, 0.4, 1]] });
  assert.deepEqual(offDiagonalRange(m), { lo: -0.1, hi: 0.4 });
});

test('a second matrix fetched in input order is re-laid in the page order', () => {
  const rows = [[1, 0.2, 0.5], [0.2, 1, -0.1], [0.5, -0.1, 1]];
  const base = matrixOf(rows, [2, 0, 1]);
  const adapter = matrixOf(rows);
  const aligned = inOrderOf(adapter, base);
  assert.deepEqual([...aligned.order], [2, 0, 1]);
  assert.deepEqual([...aligned.values], [...base.values]);
  assert.equal(aligned.at(0, 2), 0.5);
});

test('the difference is other − base in base order, with max|Δ| off the diagonal', () => {
  const base = matrixOf([[1, 0.2, 0.5], [0.2, 1, -0.1], [0.5, -0.1, 1]], [1, 2, 0]);
  const adapter = matrixOf([[1, 0.6, 0.4], [0.6, 1, -0.1], [0.4, -0.1, 1]]);
  const { matrix, maxAbs } = differenceMatrix(base, adapter);
  assert.ok(Math.abs(matrix.at(0, 1) - 0.4) < 1e-9);
  assert.ok(Math.abs(matrix.at(0, 2) + 0.1) < 1e-9);
  assert.equal(matrix.at(1, 2), 0);
  assert.ok(Math.abs(maxAbs - 0.4) < 1e-9);
  assert.deepEqual([...matrix.order], [1, 2, 0]);
});

test('a similarity matrix is fetched for a model, as int16 or as JSON', async () => {
  const { fetchSimilarity } = await import('../src/api.js');
  const asked = [];
  const int16 = async (url) => {
    asked.push(url);
    return new Response(encode([[1, 0.25], [0.25, 1]], [1, 0]), { headers: { 'Content-Type': 'application/octet-stream' } });
  };
  const m = await fetchSimilarity('/api/datasets/3', { order: 'cluster', model: 'all-minilm-l6-v2:my ad' }, int16);
  assert.equal(asked[0], '/api/datasets/3/similarity?order=cluster&format=int16&model=all-minilm-l6-v2%3Amy%20ad');
  assert.deepEqual([...m.order], [1, 0]);
  assert.equal(m.at(0, 1), 0.25);
  const json = async (url) => {
    asked.push(url);
    return new Response(JSON.stringify({ order: [0, 1], matrix: [[1, -0.5], [-0.5, 1]] }), { headers: { 'Content-Type': 'application/json' } });
  };
  assert.equal((await fetchSimilarity('/api/datasets/3', {}, json)).at(1, 0), -0.5);
  assert.equal(asked[1], '/api/datasets/3/similarity?order=input&format=int16');
});

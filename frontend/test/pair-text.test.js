import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markClass, selectionKey, labelWord, cellValueText, cursorText, queueReason } from '../src/pair-text.js';
import { tiledMatrix, tileKey, TILE, finestLevel } from '../src/tiles.js';
import { matrixOf } from './helpers.js';

const t = (key, ...args) => (args.length ? `${key}(${args.join(',')})` : key);
const dense = matrixOf([[1, 0.25, -0.5], [0.25, 1, 0.125], [-0.5, 0.125, 1]], [2, 0, 1]);

test('marks and label words follow the label, and the diagonal has none', () => {
  assert.equal(markClass(1), 'mark pos');
  assert.equal(markClass(-1), 'mark neg');
  assert.equal(markClass(0), 'mark ');
  assert.equal(selectionKey(1, false), 'selection.similar');
  assert.equal(selectionKey(0, false), 'selection.none');
  assert.equal(selectionKey(1, true), 'selection.diagonal');
  assert.equal(labelWord(-1, false, t), 'label.dissimilar');
  assert.equal(labelWord(-1, true, t), '');
});

test('a dense cell gives its value under the page\'s value name; the cursor reads the pair and its label', () => {
  // display row 0 is sentence 2, column 1 is sentence 0
  assert.equal(cellValueText(dense, { row: 0, col: 1 }, 'cosine', t), 'cosine(-0.500)');
  const labels = { get: (i, j) => (i === 2 && j === 0 ? 1 : 0) };
  assert.equal(cursorText({ i: 2, j: 0, row: 0, col: 1 }, { matrix: dense, labels, valueKey: 'diff' }, t), 'cursor(2,0,diff(-0.500),cursor.similar)');
  assert.equal(cursorText({ i: 2, j: 2, row: 0, col: 0 }, { matrix: dense, labels, valueKey: 'cosine' }, t), 'cursor(2,2,cosine(1.000),)');
});

test('a tiled cell says it is a block mean until its finest tile is loaded', () => {
  const n = 1000;
  const matrix = tiledMatrix(n, Int32Array.from({ length: n }, (_, k) => k), new Map());
  matrix.tiles.set(tileKey(0, 0, 0), new Int16Array(TILE * TILE).fill(2500));
  assert.equal(cellValueText(matrix, { row: 10, col: 700 }, 'cosine', t), `cosine(0.250) (tiles.block(${2 ** finestLevel(n)}))`);
  matrix.tiles.set(tileKey(matrix.finest, 0, 2), new Int16Array(TILE * TILE).fill(-1000));
  assert.equal(cellValueText(matrix, { row: 10, col: 700 }, 'cosine', t), 'cosine(-0.100)');
});

test('the queue\'s reason names the chain of an implied pair', () => {
  assert.equal(queueReason({ reason: 'implied', path: [3, 8, 1] }, t), 'queue.implied(#3 ~ #8 ~ #1)');
  assert.equal(queueReason({ reason: 'near-threshold' }, t), 'queue.near-threshold');
});

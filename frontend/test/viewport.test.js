import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullViewport, zoomAt, zoomToRegion, pan, isFull } from '../src/viewport.js';
import { cellAt, cellRect, fractionalCellAt } from '../src/hittest.js';

test('zooming in keeps the anchor cell under the pointer', () => {
  const v = zoomAt(fullViewport(100), 50, 50, 0.5, 100);
  assert.deepEqual(v, { row0: 25, col0: 25, size: 50 });
  const corner = zoomAt(fullViewport(100), 0, 100, 0.5, 100);
  assert.deepEqual(corner, { row0: 0, col0: 50, size: 50 });
});

test('zoom stays inside the matrix and above the minimum size', () => {
  let v = fullViewport(10);
  for (let k = 0; k < 20; k++) v = zoomAt(v, 9.5, 9.5, 0.5, 10);
  assert.deepEqual(v, { row0: 6, col0: 6, size: 4 });
  v = zoomAt(v, 0, 0, 100, 10);
  assert.ok(isFull(v, 10));
});

test('drag region becomes the square around it', () => {
  assert.deepEqual(zoomToRegion(10, 20, 19, 24, 100), { row0: 10, col0: 18, size: 10 });
  assert.deepEqual(zoomToRegion(98, 98, 99, 99, 100), { row0: 96, col0: 96, size: 4 });
});

test('pan clamps at the edges', () => {
  assert.deepEqual(pan({ row0: 2, col0: 2, size: 4 }, -5, 10, 10), { row0: 0, col0: 6, size: 4 });
});

test('hit-testing maps pixels to cells and through the order to sentences', () => {
  const order = [3, 1, 0, 2];
  const full = fullViewport(4);
  assert.deepEqual(cellAt(0, 0, 400, 400, full, order), { row: 0, col: 0, i: 3, j: 3 });
  assert.deepEqual(cellAt(399, 150, 400, 400, full, order), { row: 1, col: 3, i: 1, j: 2 });
  assert.equal(cellAt(400, 10, 400, 400, full, order), null);
  const zoomed = { row0: 2, col0: 1, size: 2 };
  assert.deepEqual(cellAt(250, 10, 400, 400, zoomed, order), { row: 2, col: 2, i: 0, j: 0 });
});

test('hit-testing with more cells than pixels picks the cell under the pixel', () => {
  const order = [...Array(2000).keys()];
  const hit = cellAt(300, 150, 600, 600, fullViewport(2000), order);
  assert.deepEqual(hit, { row: 500, col: 1000, i: 500, j: 1000 });
});

test('cell rectangles invert hit-testing', () => {
  const v = { row0: 10, col0: 10, size: 8 };
  const rect = cellRect(12, 15, 400, 400, v);
  assert.deepEqual(rect, { x: 250, y: 100, w: 50, h: 50 });
  const hit = cellAt(rect.x + 1, rect.y + 1, 400, 400, v, [...Array(20).keys()]);
  assert.equal(hit.row, 12);
  assert.equal(hit.col, 15);
  assert.equal(cellRect(2, 2, 400, 400, v), null);
  assert.deepEqual(fractionalCellAt(200, 100, 400, 400, v), { row: 12, col: 14 });
});

test('follow shifts the viewport just enough to show a cell, and keeps it when the cell is visible', async () => {
  const { follow } = await import('../src/viewport.js');
  const v = { row0: 10, col0: 10, size: 5 };
  assert.deepEqual(follow(v, 12, 12, 100), v);
  assert.deepEqual(follow(v, 15, 9, 100), { row0: 11, col0: 9, size: 5 });
  assert.deepEqual(follow(v, 99, 0, 100), { row0: 95, col0: 0, size: 5 });
});

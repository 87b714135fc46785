import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, pixelSpans, paint, renderViewport } from '../src/grid.js';
import { buildLut, makeScale } from '../src/colour.js';
import { fullViewport } from '../src/viewport.js';
import { matrixOf } from './helpers.js';

test('pixel spans cover every cell exactly once when cells outnumber pixels', () => {
  const { start, end } = pixelSpans(10, 4, 0);
  assert.deepEqual([...start], [0, 2, 5, 7]);
  assert.deepEqual([...end], [2, 5, 7, 10]);
});

test('pixel spans repeat a cell over pixels when zoomed in', () => {
  const { start, end } = pixelSpans(2, 4, 3);
  assert.deepEqual([...start], [3, 3, 4, 4]);
  assert.deepEqual([...end], [4, 4, 5, 5]);
});

test('4×4 matrix on a 2×2 canvas averages each 2×2 block', () => {
  const rows = [
    [1, 0.5, 0.1, 0.3],
    [0.5, 1, 0.3, 0.1],
    [0.1, 0.3, 1, 0.2],
    [0.3, 0.1, 0.2, 1],
  ];
  const m = matrixOf(rows);
  const means = aggregate(m.values, m.n, fullViewport(4), 2, 2);
  assert.ok(Math.abs(means[0] - 0.75) < 1e-6);
  assert.ok(Math.abs(means[1] - 0.2) < 1e-6);
  assert.ok(Math.abs(means[2] - 0.2) < 1e-6);
  assert.ok(Math.abs(means[3] - 0.6) < 1e-6);
});

test('zoomed viewport shows only its cells, each over several pixels', () => {
  const rows = [
    [1, 0.5, 0.1],
    [0.5, 1, -0.2],
    [0.1, -0.2, 1],
  ];
  const m = matrixOf(rows);
  const means = aggregate(m.values, 3, { row0: 1, col0: 1, size: 2 }, 4, 4);
  // top-left 2×2 pixels are cell (1,1) = 1, top-right cell (1,2) = -0.2
  assert.ok(Math.abs(means[0] - 1) < 1e-6);
  assert.ok(Math.abs(means[5] - 1) < 1e-6);
  assert.ok(Math.abs(means[3] + 0.2) < 1e-6);
  assert.ok(Math.abs(means[15] - 1) < 1e-6);
});

test('paint looks up colours and dims pixels below the threshold', () => {
  const lut = buildLut([[0, 0, 0], [200, 200, 200]], 2);
  const scale = makeScale(0, 1, 2);
  const rgba = paint(Float32Array.from([0.9, 0.1]), new Uint8ClampedArray(8), lut, scale);
  assert.deepEqual([...rgba], [200, 200, 200, 255, 0, 0, 0, 255]);
  const dimmed = paint(Float32Array.from([0.9, 0.1]), new Uint8ClampedArray(8), lut, scale, 0.5);
  assert.deepEqual([...dimmed], [200, 200, 200, 255, 40, 40, 40, 255]);
});

test('2,000×2,000 renders into a 600×600 buffer with every pixel opaque', () => {
  const n = 2000;
  const values = new Int16Array(n * n);
  for (let k = 0; k < values.length; k++) values[k] = (k * 7919) % 10000;
  const m = { n, values };
  const rgba = renderViewport(m, fullViewport(n), 600, 600, buildLut(), makeScale(0, 1));
  assert.equal(rgba.length, 600 * 600 * 4);
  for (let k = 3; k < rgba.length; k += 4 * 997) assert.equal(rgba[k], 255);
});

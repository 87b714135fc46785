import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLut, makeScale, legendTicks, domainFor, cssColour } from '../src/colour.js';

test('LUT runs from the first stop to the last with opaque alpha', () => {
  const lut = buildLut([[0, 0, 0], [255, 128, 0]], 3);
  assert.deepEqual([...lut], [0, 0, 0, 255, 128, 64, 0, 255, 255, 128, 0, 255]);
  assert.equal(cssColour(lut, 2), 'rgb(255, 128, 0)');
});

test('scale clamps outside its domain and maps the ends to the first and last entries', () => {
  const s = makeScale(-1, 1, 256);
  assert.equal(s.index(-5), 0);
  assert.equal(s.index(-1), 0);
  assert.equal(s.index(1), 255);
  assert.equal(s.index(7), 255);
  assert.equal(s.index(0), 128);
});

test('legend ticks are round numbers inside the domain', () => {
  assert.deepEqual(legendTicks(0, 1, 6), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(legendTicks(-0.3, 1, 7), [-0.25, 0, 0.25, 0.5, 0.75, 1]);
});

test('domain always reaches 1 and includes 0 and the data minimum', () => {
  assert.deepEqual(domainFor({ lo: 0.12, hi: 0.9 }), { lo: 0, hi: 1 });
  assert.deepEqual(domainFor({ lo: -0.23, hi: 0.9 }), { lo: -0.3, hi: 1 });
});

test('diverging scale: centred at 0, symmetric, ±1 for cosines and ±max|Δ| for differences', async () => {
  const { heatmapColours, divergingDomain, maxAbs } = await import('../src/colour.js');
  assert.deepEqual(divergingDomain(), { lo: -1, hi: 1 });
  assert.deepEqual(divergingDomain(0), { lo: -1, hi: 1 });
  const delta = Int16Array.from([-300, 1200, 0, -2500]);
  assert.equal(maxAbs(delta, 10000), 0.25);
  const { lut, scale } = heatmapColours('diverging', { maxAbs: maxAbs(delta, 10000) });
  assert.deepEqual([scale.lo, scale.hi], [-0.25, 0.25]);
  // 0 sits in the middle of the table and is near-white; the ends are blue (low) and red (high)
  const mid = scale.index(0);
  assert.ok(Math.abs(mid - 127.5) <= 1);
  assert.ok(lut[mid * 4] > 235 && lut[mid * 4 + 1] > 235 && lut[mid * 4 + 2] > 235);
  const low = scale.index(-0.25) * 4;
  const high = scale.index(0.25) * 4;
  assert.ok(lut[low + 2] > lut[low], 'negative end is blue');
  assert.ok(lut[high] > lut[high + 2], 'positive end is red');
  // symmetric: equal distances from 0 land equally far from the middle
  assert.equal(scale.index(0.1) - mid, mid - scale.index(-0.1) - 1);
});

test('sequential heatmap colours keep the data-driven domain', async () => {
  const { heatmapColours } = await import('../src/colour.js');
  const { scale } = heatmapColours('sequential', { range: { lo: -0.13, hi: 1 } });
  assert.deepEqual([scale.lo, scale.hi], [-0.2, 1]);
});

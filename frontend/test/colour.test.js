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

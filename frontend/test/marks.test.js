import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markGeometry, MARK_COLOURS, MIN_MARK } from '../src/marks.js';

test('similar and dissimilar differ in shape and glyph, not only in colour', () => {
  const big = { x: 0, y: 0, w: 40, h: 40 };
  const plus = markGeometry(big, 1);
  const minus = markGeometry(big, -1);
  assert.deepEqual([plus.shape, plus.glyph, plus.fill], ['circle', 'plus', '#0072B2']);
  assert.deepEqual([minus.shape, minus.glyph, minus.fill], ['square', 'minus', '#E69F00']);
  assert.equal(plus.outline, MARK_COLOURS.outline);
  assert.deepEqual([plus.cx, plus.cy], [20, 20]);
});

test('zoomed out, marks keep a readable size, their shape and their outline', () => {
  const tiny = { x: 100, y: 50, w: 1, h: 1 };
  const plus = markGeometry(tiny, 1);
  const minus = markGeometry(tiny, -1);
  assert.equal(plus.size, MIN_MARK);
  assert.equal(plus.glyph, null);
  assert.notEqual(plus.shape, minus.shape);
  assert.equal(minus.outline, '#000000');
  assert.deepEqual([plus.cx, plus.cy], [100.5, 50.5]);
});

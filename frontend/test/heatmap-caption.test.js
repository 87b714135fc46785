import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heatmapCaption } from '../src/heatmap-caption.js';
import { wheelZoom } from '../src/wheel-zoom.js';
import { cellAt } from '../src/hittest.js';
import { translator } from '../src/messages.js';

const scale = { lo: -0.1, hi: 0.9 };
const context = { model: 'all-minilm-l6-v2', colours: 'sequential', scale };

test("the base view's title and legend name the dataset's model", () => {
  const caption = heatmapCaption(null, context);
  assert.deepEqual(caption.title, ['heatmap.title.base', 'all-minilm-l6-v2']);
  assert.deepEqual(caption.legend, ['legend.sequential', '-0.10', '0.90', 'all-minilm-l6-v2']);
  assert.deepEqual(heatmapCaption(null, { ...context, colours: 'diverging' }).legend,
    ['legend.diverging', '0.90', 'all-minilm-l6-v2']);
});

test("the adapter view's title and legend name the adapter, not the base model", () => {
  const caption = heatmapCaption({ kind: 'adapter', model: 'all-minilm-l6-v2:d7-cosent' }, context);
  assert.deepEqual(caption.title, ['heatmap.title.adapter', 'all-minilm-l6-v2:d7-cosent']);
  assert.equal(caption.legend.at(-1), 'all-minilm-l6-v2:d7-cosent');
});

test('the difference legends say adapter − base and B − A, not a cosine', () => {
  const t = translator({ 'legend.adapterDifference': 'adapter − base: {1} minus {2}, ±{0}',
    'compare.legend': 'B − A: {1} minus {2}, ±{0}', 'legend.sequential': 'cosine under {2}' });
  const adapter = heatmapCaption({ kind: 'adapterDifference', model: 'm:d7-cosent', base: 'm' },
    { ...context, colours: 'diverging', maxAbs: 0.3 });
  assert.deepEqual(adapter.title, ['heatmap.title.adapterDifference', 'm:d7-cosent', 'm']);
  assert.equal(t(...adapter.legend), 'adapter − base: m:d7-cosent minus m, ±0.30');
  const models = heatmapCaption({ kind: 'modelDifference', a: 'm', b: 'bge' },
    { ...context, colours: 'diverging', maxAbs: 0.25 });
  assert.deepEqual(models.title, ['heatmap.title.modelDifference', 'bge', 'm']);
  assert.equal(t(...models.legend), 'B − A: bge minus m, ±0.25');
});

test('after a wheel zoom the pair under the pointer is read from the new viewport', () => {
  const n = 100;
  const order = [...Array(n).keys()].reverse();
  const canvas = { W: 640, H: 640 };
  const before = { row0: 90, col0: 90, size: 10 };
  const point = { x: 1, y: 1 };
  const beforeCell = cellAt(1, 1, 640, 640, before, order);
  const { viewport, cell } = wheelZoom(before, point, canvas, 100, { n, order });
  // zooming out at the bottom-right edge shifts the viewport, so another cell is under the same pixel
  assert.deepEqual(viewport, { row0: 87, col0: 87, size: 13 });
  assert.notDeepEqual(cell, beforeCell);
  assert.deepEqual(cell, cellAt(1, 1, 640, 640, viewport, order));
  assert.equal(cell.i, order[87]);
  assert.equal(wheelZoom(before, { x: 700, y: 1 }, canvas, -100, { n, order }).cell, null);
});

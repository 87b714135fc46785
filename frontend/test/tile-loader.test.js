import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TileLoader } from '../src/tile-loader.js';
import { TILE, finestLevel, tileKey } from '../src/tiles.js';
import { fullViewport, zoomToRegion } from '../src/viewport.js';

const N = 1000;
const order = [...Array(N).keys()].reverse();
const tileOf = (value) => new Int16Array(TILE * TILE).fill(value);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function server({ tiledAbove = 500, fail = false } = {}) {
  const asked = { json: [], tiles: [], dense: [] };
  return {
    asked,
    getJson: async (url) => {
      asked.json.push(url);
      return url.includes('order=') ? { n: N, order } : { n: N, tiledAbove };
    },
    fetchTile: async (api, tile) => {
      asked.tiles.push({ ...tile });
      if (fail) throw new Error('tile failed');
      return tileOf(tile.model ? 3000 : 1000 * (tile.level + 1));
    },
    fetchSimilarity: async (api, options) => {
      asked.dense.push(options.order);
      return { n: N, values: new Int16Array(1), order: Int32Array.from(order) };
    },
  };
}

test('below tiledAbove the page fetches the dense matrix once per order, and has no tiles to wait for', async () => {
  const s = server({ tiledAbove: 5000 });
  const loader = new TileLoader({ api: '/api/datasets/1', ...s });
  assert.equal(await loader.start(), false);
  const matrix = await loader.matrix('input');
  assert.equal(await loader.matrix('input'), matrix);
  assert.deepEqual(s.asked.dense, ['input']);
  assert.equal(loader.pending(matrix, fullViewport(N), 640), 0);
});

test('the sizes the page was rendered with decide the route without asking the server', async () => {
  const s = server();
  const loader = new TileLoader({ api: '/api/datasets/1', ...s });
  assert.equal(await loader.start({ n: 100_000, tiledAbove: 3000 }), true);
  assert.equal(await new TileLoader({ api: '/api/datasets/1', ...s }).start({ n: 2000, tiledAbove: 3000 }), false);
  assert.deepEqual(s.asked.json, []);
  assert.equal(await loader.start({ n: undefined, tiledAbove: 3000 }), true);
  assert.deepEqual(s.asked.json, ['/api/datasets/1/tiles']);
});

test('with the size known, the input order needs no request and the overview tile is asked at once', async () => {
  const s = server();
  const loader = new TileLoader({ api: '/api/datasets/1', ...s });
  await loader.start({ n: N, tiledAbove: 500 });
  const matrix = await loader.matrix('input');
  assert.deepEqual(s.asked.json, []);
  assert.deepEqual([...matrix.order.slice(0, 3)], [0, 1, 2]);
  assert.equal(matrix.order.length, N);
  assert.deepEqual(s.asked.tiles, [{ level: 0, row: 0, col: 0, order: 'input' }]);
  await loader.matrix('cluster');
  assert.deepEqual(s.asked.json, ['/api/datasets/1/tiles?order=cluster'], 'any other order is asked');
});

test('above it, the order and the overview tile come first, and a zoom asks only for the tiles it shows', async () => {
  const s = server();
  let arrived = 0;
  const loader = new TileLoader({ api: '/api/datasets/1', ...s, onTile: () => { arrived++; } });
  assert.equal(await loader.start(), true);
  const matrix = await loader.matrix('cluster');
  assert.equal(matrix.tiled, true);
  assert.deepEqual([...matrix.order.slice(0, 2)], [999, 998]);
  assert.deepEqual(s.asked.tiles, [{ level: 0, row: 0, col: 0, order: 'cluster' }]);
  // 1,000 cells on 640 pixels draw at level 1 (two cells a pixel): 2×2 tiles of 512 sentences a side
  assert.equal(loader.pending(matrix, fullViewport(N), 640), 4);

  // rows 0–200 × columns 300–500 at the finest level (one pair a pixel) lie in tile row 0, column 1
  const zoomed = zoomToRegion(0, 300, 200, 500, N);
  const finest = finestLevel(N);
  assert.equal(loader.pending(matrix, zoomed, 640), 1);
  loader.requestVisible(matrix, zoomed, 640);
  loader.requestVisible(matrix, zoomed, 640);
  assert.deepEqual(s.asked.tiles.slice(1).map((t) => [t.level, t.row, t.col, t.order]), [[finest, 0, 1, 'cluster']]);
  await settle();
  assert.equal(arrived, 1);
  assert.equal(loader.pending(matrix, zoomed, 640), 0);
  assert.ok(matrix.tiles.has(tileKey(finest, 0, 1)));
});

test('a panel view combines the overview tiles of its sources, and a failed tile is reported and asked again later', async () => {
  const s = server();
  const loader = new TileLoader({ api: '/a', ...s });
  await loader.start();
  const base = await loader.matrix('input');
  const view = await loader.view(base, [{ model: 'm:adapter', sign: 1 }, { model: null, sign: -1 }]);
  assert.equal(view.at(0, 1), 0.2);
  assert.equal(view.maxAbs, 0.2);

  const failing = server({ fail: true });
  const errors = [];
  const broken = new TileLoader({ api: '/a', ...failing, onError: (e) => errors.push(e.message) });
  const matrix = { tiled: true, n: N, finest: finestLevel(N), orderName: 'input', tiles: new Map() };
  broken.requestVisible(matrix, fullViewport(N), 640);
  await settle();
  assert.deepEqual(errors, Array(4).fill('tile failed'));
  broken.requestVisible(matrix, fullViewport(N), 640);
  assert.equal(failing.asked.tiles.length, 8);
});

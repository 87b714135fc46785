import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TILE, PAST_END, span, finestLevel, tilesPerSide, levelFor, visibleTiles, locate, pixelBlock, decodeTile,
  valueAt, tileMeans, tileRange, differenceTiles, tiledMatrix, tileKey, combinedMatrix,
} from '../src/tiles.js';
import { fullViewport, zoomToRegion } from '../src/viewport.js';
import { cellAt } from '../src/hittest.js';

// A dense n×n quantised matrix and the tiles the server would send for it (block means, diagonal included).
function denseMatrix(n) {
  const v = new Int16Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) v[r * n + c] = r === c ? 10000 : ((r * 7 + c * 13) % 2001) - 1000;
  return v;
}

function serverTile(dense, n, finest, level, row, col) {
  const s = span(finest, level);
  const tile = new Int16Array(TILE * TILE).fill(PAST_END);
  for (let a = 0; a < TILE; a++) {
    for (let b = 0; b < TILE; b++) {
      const r0 = (row * TILE + a) * s;
      const c0 = (col * TILE + b) * s;
      if (r0 >= n || c0 >= n) continue;
      let sum = 0;
      let count = 0;
      for (let r = r0; r < Math.min(n, r0 + s); r++) for (let c = c0; c < Math.min(n, c0 + s); c++) { sum += dense[r * n + c]; count++; }
      tile[a * TILE + b] = Math.round(sum / count);
    }
  }
  return tile;
}

test('the pyramid matches the server: finest level, spans and tile counts', () => {
  assert.equal(finestLevel(256), 0);
  assert.equal(finestLevel(257), 1);
  assert.equal(finestLevel(20000), 7);
  assert.equal(finestLevel(100000), 9);
  assert.equal(span(7, 0), 128);
  assert.equal(tilesPerSide(20000, 7, 0), 1);
  assert.equal(tilesPerSide(20000, 7, 7), 79);
  assert.equal(tilesPerSide(1000, 2, 1), 2);
});

test('the level follows the zoom: about one tile pixel a canvas pixel, single pairs when zoomed in', () => {
  assert.equal(levelFor(7, 20000, 640), 2);
  assert.equal(levelFor(7, 640, 640), 7);
  assert.equal(levelFor(7, 100, 640), 7);
  assert.equal(levelFor(7, 1280, 640), 5);
  assert.equal(levelFor(7, 1000, 640), 7 - 1);
  assert.equal(levelFor(2, 1000, 100), 0);
  for (let size = 641; size <= 20000; size += 97) {
    const s = span(7, levelFor(7, size, 640));
    assert.ok(s <= (2 * size) / 640, `span ${s} at size ${size}`);
    assert.ok(s * 2 > (2 * size) / 640 || levelFor(7, size, 640) === 0, `a coarser level would do at ${size}`);
  }
});

test('the visible tiles cover the viewport and no more', () => {
  const all = visibleTiles(fullViewport(20000), 20000, 7, 2);
  assert.equal(all.length, 9);
  assert.deepEqual(all[0], { level: 2, row: 0, col: 0, key: '2/0/0' });
  const pairs = visibleTiles({ row0: 300, col0: 10100, size: 200 }, 20000, 7, 7);
  assert.deepEqual(pairs.map((t) => t.key), ['7/1/39', '7/1/40']);
  const corner = visibleTiles({ row0: 19968, col0: 19968, size: 32 }, 20000, 7, 7);
  assert.deepEqual(corner.map((t) => t.key), ['7/78/78']);
});

test('cells map to tile pixels and back, at every level', () => {
  const n = 1000;
  const finest = finestLevel(n);
  for (let level = 0; level <= finest; level++) {
    for (const [row, col] of [[0, 0], [999, 3], [511, 512], [257, 999]]) {
      const { key, pixel } = locate(finest, level, row, col);
      const [, tr, tc] = key.split('/').map(Number);
      const block = pixelBlock(n, finest, level, tr, tc, pixel);
      assert.ok(block.row0 <= row && row < block.row1 && block.col0 <= col && col < block.col1, `${level} ${row},${col}`);
    }
  }
  assert.deepEqual(locate(2, 2, 300, 5), { key: '2/1/0', pixel: 44 * TILE + 5 });
});

test('values come from the finest loaded tile and match the dense matrix at pair level', () => {
  const n = 600;
  const finest = finestLevel(n);
  const dense = denseMatrix(n);
  const tiles = new Map([[tileKey(0, 0, 0), serverTile(dense, n, finest, 0, 0, 0)]]);
  const m = tiledMatrix(n, Int32Array.from({ length: n }, (_, k) => n - 1 - k), tiles);
  // before the pair tile arrives, a cell shows its overview block mean
  assert.equal(m.levelAt(400, 10), 0);
  assert.equal(m.atCell(400, 10), tiles.get('0/0/0')[100 * TILE + 2] / 10000);
  tiles.set('2/1/0', serverTile(dense, n, finest, 2, 1, 0));
  assert.equal(m.levelAt(400, 10), 2);
  assert.equal(m.atCell(400, 10), dense[400 * n + 10] / 10000);
  // at(i, j) goes through the order: sentence i is shown at row n − 1 − i
  assert.equal(m.at(n - 1 - 400, n - 1 - 10), dense[400 * n + 10] / 10000);
  assert.equal(valueAt(new Map(), finest, finest, 1, 1), null);
});

test('tile means paint the coarse picture until finer tiles arrive', () => {
  const n = 600;
  const finest = finestLevel(n);
  const dense = denseMatrix(n);
  const tiles = new Map([['0/0/0', serverTile(dense, n, finest, 0, 0, 0)]]);
  const viewport = zoomToRegion(100, 100, 139, 139, n);
  const coarse = tileMeans(tiles, n, finest, finest, viewport, 40, 40);
  assert.equal(coarse[0], Math.fround(tiles.get('0/0/0')[25 * TILE + 25] / 10000));
  tiles.set('2/0/0', serverTile(dense, n, finest, 2, 0, 0));
  const fine = tileMeans(tiles, n, finest, finest, viewport, 40, 40);
  for (let y = 0; y < 40; y++) for (let x = 0; x < 40; x++) {
    assert.equal(fine[y * 40 + x], Math.fround(dense[(100 + y) * n + 100 + x] / 10000));
  }
  assert.ok(Number.isNaN(tileMeans(new Map(), n, finest, 0, viewport, 2, 2)[0]));
});

test('hit tests on a tiled matrix give the pair under the pointer when zoomed to single pairs', () => {
  const n = 20000;
  const order = Int32Array.from({ length: n }, (_, k) => (k * 7919) % n);
  const m = tiledMatrix(n, order, new Map());
  const viewport = zoomToRegion(12000, 300, 12031, 331, n);
  const cell = cellAt(639, 0, 640, 640, viewport, m.order);
  assert.deepEqual(cell, { row: 12000, col: 331, i: order[12000], j: order[331] });
  assert.equal(m.position[cell.i], 12000);
  assert.deepEqual(visibleTiles(viewport, n, m.finest, levelFor(m.finest, viewport.size, 640)).map((t) => t.key), ['7/46/1']);
});

test('tiles decode from little-endian int16, and a wrong length is refused', () => {
  const bytes = new ArrayBuffer(2 * TILE * TILE);
  new DataView(bytes).setInt16(2 * 5, -1234, true);
  new DataView(bytes).setInt16(2 * 6, PAST_END, true);
  const tile = decodeTile(bytes);
  assert.equal(tile[5], -1234);
  assert.equal(tile[6], PAST_END);
  assert.throws(() => decodeTile(new ArrayBuffer(10)), /10 bytes/);
});

test('range skips the diagonal of the overview and the pixels past n; differences keep the sentinel', () => {
  const tile = new Int16Array(TILE * TILE).fill(PAST_END);
  tile[0] = 10000;
  tile[1] = 2500;
  tile[TILE] = -500;
  assert.deepEqual(tileRange(tile, true), { lo: -0.05, hi: 0.25 });
  const other = tile.slice();
  other[1] = 4000;
  const d = differenceTiles(new Map([['0/0/0', tile]]), new Map([['0/0/0', other], ['1/0/0', other]]));
  assert.deepEqual([...d.keys()], ['0/0/0']);
  assert.equal(d.get('0/0/0')[1], 1500);
  assert.equal(d.get('0/0/0')[0], 0);
  assert.equal(d.get('0/0/0')[2], PAST_END);
});

test('a combined view shows adapter − base once both tiles are there, in the base order', () => {
  const n = 300;
  const order = Int32Array.from({ length: n }, (_, k) => (k * 7) % n);
  const base = tiledMatrix(n, order, new Map());
  const view = combinedMatrix(base, [{ model: 'm:adapter', sign: 1 }, { model: null, sign: -1 }]);
  const a = new Int16Array(TILE * TILE).fill(PAST_END);
  const b = new Int16Array(TILE * TILE).fill(PAST_END);
  a[0] = 10000; b[0] = 10000;
  a[1] = 9000; b[1] = 6000;
  a[TILE] = -2000; b[TILE] = 1000;
  view.addTile('m:adapter', '0/0/0', a);
  assert.equal(view.tiles.has('0/0/0'), false);
  assert.equal(view.hasTile('m:adapter', '0/0/0'), true);
  view.addTile(null, '0/0/0', b);
  const d = view.tiles.get('0/0/0');
  assert.deepEqual([d[0], d[1], d[TILE], d[2]], [0, 3000, -3000, PAST_END]);
  assert.equal(view.maxAbs, 0.3);
  // at level 0 a pixel covers two sentences a side: cells (0, 2) and (0, 3) show pixel 1
  assert.equal(view.at(order[0], order[2]), 0.3);
  assert.equal(view.order, order);
});

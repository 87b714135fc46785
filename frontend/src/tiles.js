// The tiled heatmap's geometry and values: which tiles a viewport needs, the level for a zoom, display cell ↔ tile
// pixel, and a matrix-like object (n, order, position, at, atCell) read from the tiles loaded so far. Pure: the
// page fetches the tiles and hands them in.
//
// The server's pyramid (docs/scale.md, "Tiles"): a tile is TILE×TILE int16 round(S·10⁴); at the finest level one
// pixel is one pair, each coarser level halves the resolution, level 0 is one tile over all N; PAST_END past N.

export const TILE = 256;
export const PAST_END = -32768;
const QUANTUM = 10000;

/** Sentences a pixel covers a side at a level. */
export function span(finest, level) {
  return 2 ** (finest - level);
}

/** The smallest L with TILE·2^L ≥ n. */
export function finestLevel(n) {
  let level = 0;
  while (TILE * 2 ** level < n) level++;
  return level;
}

export function tilesPerSide(n, finest, level) {
  return Math.max(1, Math.ceil(n / (TILE * span(finest, level))));
}

/**
 * The level to draw a viewport of `size` display cells on `pixels` canvas pixels: the coarsest whose pixel covers
 * fewer than two canvas pixels' worth of cells (about 3×3 tiles fill a 640-pixel canvas), and the finest, one pair a
 * pixel, once a canvas pixel shows at most one pair.
 */
export function levelFor(finest, size, pixels) {
  const cellsPerPixel = size / pixels;
  if (cellsPerPixel <= 1) return finest;
  return Math.max(0, finest - Math.floor(Math.log2(2 * cellsPerPixel)));
}

export const tileKey = (level, row, col) => `${level}/${row}/${col}`;

/** The tiles of a level that a viewport shows, row by row: [{level, row, col, key}]. */
export function visibleTiles(viewport, n, finest, level) {
  const cover = TILE * span(finest, level);
  const last = tilesPerSide(n, finest, level) - 1;
  const first = (at) => Math.min(last, Math.floor(at / cover));
  const end = (at) => Math.min(last, Math.floor((at + viewport.size - 1) / cover));
  const tiles = [];
  for (let row = first(viewport.row0); row <= end(viewport.row0); row++) {
    for (let col = first(viewport.col0); col <= end(viewport.col0); col++) {
      tiles.push({ level, row, col, key: tileKey(level, row, col) });
    }
  }
  return tiles;
}

/** The tile and pixel that show display cell (row, col) at a level. */
export function locate(finest, level, row, col) {
  const s = span(finest, level);
  const cover = TILE * s;
  const tileRow = Math.floor(row / cover);
  const tileCol = Math.floor(col / cover);
  const pixel = Math.floor((row - tileRow * cover) / s) * TILE + Math.floor((col - tileCol * cover) / s);
  return { key: tileKey(level, tileRow, tileCol), pixel };
}

/** The display cells a tile pixel covers: [row0, row1) × [col0, col1), cut at n. */
export function pixelBlock(n, finest, level, tileRow, tileCol, pixel) {
  const s = span(finest, level);
  const row0 = (tileRow * TILE + Math.floor(pixel / TILE)) * s;
  const col0 = (tileCol * TILE + (pixel % TILE)) * s;
  return { row0, col0, row1: Math.min(n, row0 + s), col1: Math.min(n, col0 + s) };
}

/** Decodes a tile's body (TILE² int16 LE); throws on a wrong length rather than drawing garbage. */
export function decodeTile(buffer) {
  if (buffer.byteLength !== 2 * TILE * TILE) {
    throw new Error(`A tile has ${buffer.byteLength} bytes, expected ${2 * TILE * TILE}.`);
  }
  const view = new DataView(buffer);
  const values = new Int16Array(TILE * TILE);
  for (let k = 0; k < values.length; k++) values[k] = view.getInt16(2 * k, true);
  return values;
}

/**
 * The quantised value at display cell (row, col) from the finest loaded tile at or above `level`, as
 * {value, level}; null when no tile covering it is loaded.
 */
export function valueAt(tiles, finest, level, row, col) {
  for (let l = level; l >= 0; l--) {
    const { key, pixel } = locate(finest, l, row, col);
    const tile = tiles.get(key);
    if (tile && tile[pixel] !== PAST_END) return { value: tile[pixel], level: l };
  }
  return null;
}

/**
 * A width×height grid of similarities (NaN where nothing is loaded yet) for a viewport drawn at `level`: each canvas
 * pixel shows the cell under its centre, from the finest loaded tile at or above the level, so a zoom shows the
 * coarser picture until its tiles arrive.
 */
export function tileMeans(tiles, n, finest, level, viewport, width, height) {
  const out = new Float32Array(width * height).fill(NaN);
  const rows = new Int32Array(height);
  const cols = new Int32Array(width);
  for (let y = 0; y < height; y++) rows[y] = viewport.row0 + Math.floor(((y + 0.5) * viewport.size) / height);
  for (let x = 0; x < width; x++) cols[x] = viewport.col0 + Math.floor(((x + 0.5) * viewport.size) / width);
  let missing = width * height;
  // finest level first; each coarser level fills only the pixels still empty. Typed arrays in the loop: this runs
  // on every wheel notch.
  for (let l = level; l >= 0 && missing > 0; l--) {
    const s = span(finest, l);
    const cover = TILE * s;
    const colTile = new Int32Array(width);
    const colPixel = new Int32Array(width);
    for (let x = 0; x < width; x++) {
      colTile[x] = Math.floor(cols[x] / cover);
      colPixel[x] = Math.floor((cols[x] - colTile[x] * cover) / s);
    }
    for (let y = 0; y < height; y++) {
      const tileRow = Math.floor(rows[y] / cover);
      const base = Math.floor((rows[y] - tileRow * cover) / s) * TILE;
      let tileCol = -1;
      let tile;
      for (let x = 0; x < width; x++) {
        const k = y * width + x;
        if (!Number.isNaN(out[k])) continue;
        if (colTile[x] !== tileCol) {
          tileCol = colTile[x];
          tile = tiles.get(tileKey(l, tileRow, tileCol));
        }
        if (!tile) continue;
        const v = tile[base + colPixel[x]];
        if (v === PAST_END) continue;
        out[k] = v / QUANTUM;
        missing--;
      }
    }
  }
  return out;
}

/** Smallest and largest value off the diagonal pixels of a loaded tile (the overview's, for the colour domain). */
export function tileRange(tile, onDiagonal) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < tile.length; k++) {
    const v = tile[k];
    if (v === PAST_END || (onDiagonal && Math.floor(k / TILE) === k % TILE)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? { lo: 0, hi: 1 } : { lo: lo / QUANTUM, hi: hi / QUANTUM };
}

/** other − base, tile by tile (both in the same order): a difference view from two tile sets. */
export function differenceTiles(base, other) {
  const out = new Map();
  for (const [key, a] of base) {
    const b = other.get(key);
    if (!b) continue;
    const d = new Int16Array(a.length);
    for (let k = 0; k < a.length; k++) d[k] = a[k] === PAST_END || b[k] === PAST_END ? PAST_END : b[k] - a[k];
    out.set(key, d);
  }
  return out;
}

/**
 * A view of a tiled matrix that combines the tiles of several models, Σ sign·tile (adapter − base: the adapter's
 * with sign 1 and the dataset's own, model null, with sign −1), in the base's order. The page fetches each source's
 * tile and hands it to addTile; a display tile appears once every source's is there. maxAbs is the largest |value|
 * off the diagonal of the combined tiles so far, for a diverging scale.
 */
export function combinedMatrix(base, sources) {
  const matrix = tiledMatrix(base.n, base.order, new Map());
  const raw = new Map(sources.map(({ model }) => [model, new Map()]));
  matrix.orderName = base.orderName;
  matrix.sources = sources;
  matrix.maxAbs = 0;
  matrix.hasTile = (model, key) => raw.get(model).has(key);
  matrix.addTile = (model, key, values) => {
    raw.get(model).set(key, values);
    if (!sources.every((source) => raw.get(source.model).has(key))) return;
    const out = new Int16Array(TILE * TILE);
    const [level, row, col] = key.split('/').map(Number);
    for (let k = 0; k < out.length; k++) {
      let sum = 0;
      let past = false;
      for (const { model, sign } of sources) {
        const v = raw.get(model).get(key)[k];
        if (v === PAST_END) past = true;
        sum += sign * v;
      }
      out[k] = past ? PAST_END : Math.max(-32767, Math.min(32767, sum));
      const diagonal = row === col && Math.floor(k / TILE) === k % TILE;
      if (!past && !diagonal && level === 0) matrix.maxAbs = Math.max(matrix.maxAbs, Math.abs(out[k]) / QUANTUM);
    }
    matrix.tiles.set(key, out);
  };
  return matrix;
}

/**
 * A matrix-like view over loaded tiles, for the page's hit tests, marks and tooltips: n, order, position, and
 * atCell/at read at the finest level loaded (a pair's cosine once its finest tile is there, a block mean before).
 * `tiles` is a Map key → Int16Array that the page fills.
 */
export function tiledMatrix(n, order, tiles) {
  const finest = finestLevel(n);
  const position = new Int32Array(n);
  for (let row = 0; row < n; row++) position[order[row]] = row;
  const read = (row, col) => {
    const found = valueAt(tiles, finest, finest, row, col);
    return found ? found.value / QUANTUM : NaN;
  };
  return {
    tiled: true,
    n,
    order,
    position,
    finest,
    tiles,
    atCell: read,
    at: (i, j) => read(position[i], position[j]),
    /** The level of the value atCell gives: finest means a single pair. */
    levelAt(row, col) {
      return valueAt(tiles, finest, finest, row, col)?.level ?? null;
    },
  };
}

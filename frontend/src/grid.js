// Turns the viewport of the matrix into an RGBA pixel buffer: cells averaged into pixels when there are
// more cells than pixels, cells repeated over pixels when zoomed in. Pure: fills a given buffer.

/** For each pixel along one axis, the half-open range of cells [start, end) it covers (never empty). */
export function pixelSpans(cells, pixels, first) {
  const start = new Int32Array(pixels);
  const end = new Int32Array(pixels);
  for (let p = 0; p < pixels; p++) {
    const a = Math.floor((p * cells) / pixels);
    const b = Math.floor(((p + 1) * cells) / pixels);
    start[p] = first + a;
    end[p] = first + Math.max(a + 1, b);
  }
  return { start, end };
}

/**
 * Averages the viewport's int16 values into a width×height grid of means (Float32Array, similarity units).
 * Separated from colouring so tests can check the averaging exactly.
 */
export function aggregate(values, n, viewport, width, height, quantum = 10000) {
  const rows = pixelSpans(viewport.size, height, viewport.row0);
  const cols = pixelSpans(viewport.size, width, viewport.col0);
  const out = new Float32Array(width * height);
  const rowSums = new Float64Array(width);
  for (let py = 0; py < height; py++) {
    rowSums.fill(0);
    const r0 = rows.start[py];
    const r1 = rows.end[py];
    for (let r = r0; r < r1; r++) {
      const base = r * n;
      for (let px = 0; px < width; px++) {
        let s = 0;
        const c1 = cols.end[px];
        for (let c = cols.start[px]; c < c1; c++) s += values[base + c];
        rowSums[px] += s;
      }
    }
    const rowCount = r1 - r0;
    for (let px = 0; px < width; px++) {
      const count = rowCount * (cols.end[px] - cols.start[px]);
      out[py * width + px] = rowSums[px] / count / quantum;
    }
  }
  return out;
}

/**
 * Paints means into an RGBA buffer through the LUT. Pixels below `dimBelow` (when given) are dimmed so
 * pairs above a threshold stand out.
 */
export function paint(means, rgba, lut, scale, dimBelow = null) {
  for (let k = 0; k < means.length; k++) {
    const v = means[k];
    const o = k * 4;
    if (Number.isNaN(v)) {
      // a tile not loaded yet
      rgba[o] = rgba[o + 1] = rgba[o + 2] = 200;
      rgba[o + 3] = 255;
      continue;
    }
    const li = scale.index(v) * 4;
    if (dimBelow !== null && v < dimBelow) {
      rgba[o] = 40 + lut[li] * 0.25;
      rgba[o + 1] = 40 + lut[li + 1] * 0.25;
      rgba[o + 2] = 40 + lut[li + 2] * 0.25;
    } else {
      rgba[o] = lut[li];
      rgba[o + 1] = lut[li + 1];
      rgba[o + 2] = lut[li + 2];
    }
    rgba[o + 3] = 255;
  }
  return rgba;
}

/** One call for the page: viewport → RGBA buffer of width×height. */
export function renderViewport(matrix, viewport, width, height, lut, scale, rgba, dimBelow = null) {
  const means = aggregate(matrix.values, matrix.n, viewport, width, height);
  return paint(means, rgba ?? new Uint8ClampedArray(width * height * 4), lut, scale, dimBelow);
}

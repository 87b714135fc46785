// Pixel ↔ cell mapping under the zoom viewport and the current ordering.

/**
 * The display cell under canvas pixel (x, y) of a width×height canvas, and the sentence pair (i, j)
 * it shows. Returns null outside the canvas.
 */
export function cellAt(x, y, width, height, viewport, order) {
  if (x < 0 || y < 0 || x >= width || y >= height) return null;
  const row = viewport.row0 + Math.min(viewport.size - 1, Math.floor((y * viewport.size) / height));
  const col = viewport.col0 + Math.min(viewport.size - 1, Math.floor((x * viewport.size) / width));
  return { row, col, i: order[row], j: order[col] };
}

/** Fractional cell coordinates under a pixel, for zoom anchors. */
export function fractionalCellAt(x, y, width, height, viewport) {
  return {
    row: viewport.row0 + (y * viewport.size) / height,
    col: viewport.col0 + (x * viewport.size) / width,
  };
}

/** The canvas rectangle of a display cell, or null when the cell is outside the viewport. */
export function cellRect(row, col, width, height, viewport) {
  const r = row - viewport.row0;
  const c = col - viewport.col0;
  if (r < 0 || c < 0 || r >= viewport.size || c >= viewport.size) return null;
  const x0 = Math.floor((c * width) / viewport.size);
  const y0 = Math.floor((r * height) / viewport.size);
  const x1 = Math.floor(((c + 1) * width) / viewport.size);
  const y1 = Math.floor(((r + 1) * height) / viewport.size);
  return { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

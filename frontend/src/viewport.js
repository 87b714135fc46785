// Zoom viewport over the N×N grid of display cells. The viewport is always square so cells stay square.

/** The whole matrix. */
export function fullViewport(n) {
  return { row0: 0, col0: 0, size: n };
}

export function isFull(viewport, n) {
  return viewport.row0 === 0 && viewport.col0 === 0 && viewport.size === n;
}

function clampViewport(row0, col0, size, n, minSize) {
  size = Math.max(Math.min(minSize, n), Math.min(n, Math.round(size)));
  row0 = Math.min(Math.max(0, Math.round(row0)), n - size);
  col0 = Math.min(Math.max(0, Math.round(col0)), n - size);
  return { row0, col0, size };
}

/**
 * Zooms by factor (<1 zooms in) keeping the cell under the pointer (anchorRow, anchorCol, fractional)
 * at the same place on screen.
 */
export function zoomAt(viewport, anchorRow, anchorCol, factor, n, minSize = 4) {
  const size = Math.max(Math.min(minSize, n), Math.min(n, Math.round(viewport.size * factor)));
  const fy = (anchorRow - viewport.row0) / viewport.size;
  const fx = (anchorCol - viewport.col0) / viewport.size;
  return clampViewport(anchorRow - fy * size, anchorCol - fx * size, size, n, minSize);
}

/** Zooms to the square that covers a dragged region of cells (inclusive corners, any order). */
export function zoomToRegion(rowA, colA, rowB, colB, n, minSize = 4) {
  const r0 = Math.min(rowA, rowB);
  const c0 = Math.min(colA, colB);
  const size = Math.max(Math.abs(rowA - rowB), Math.abs(colA - colB)) + 1;
  const rc = r0 + (Math.abs(rowA - rowB) + 1) / 2;
  const cc = c0 + (Math.abs(colA - colB) + 1) / 2;
  const s = Math.max(size, Math.min(minSize, n));
  return clampViewport(rc - s / 2, cc - s / 2, s, n, minSize);
}

/** Moves the viewport by whole cells, staying inside the matrix. */
export function pan(viewport, dRows, dCols, n) {
  return clampViewport(viewport.row0 + dRows, viewport.col0 + dCols, viewport.size, n, 1);
}

/** The nearest viewport of the same size that shows display cell (row, col): keyboard cursors stay in view. */
export function follow(viewport, row, col, n) {
  const shift = (start, at) => (at < start ? at : at >= start + viewport.size ? at - viewport.size + 1 : start);
  return clampViewport(shift(viewport.row0, row), shift(viewport.col0, col), viewport.size, n, 1);
}

// A wheel step on the heatmap: the new viewport, anchored at the pointer, and the pair under the pointer once the
// zoom is applied, so that the tooltip names the cell now under it rather than the one before. No DOM here.

import { zoomAt } from './viewport.js';
import { cellAt, fractionalCellAt } from './hittest.js';

/**
 * @param viewport the viewport before the step
 * @param point    the pointer in canvas pixels {x, y}
 * @param canvas   {W, H}: the canvas size in pixels
 * @param deltaY   the wheel event's deltaY: below 0 zooms in
 * @param matrix   {n, order}
 * @returns {{viewport, cell: {row, col, i, j} | null}}
 */
export function wheelZoom(viewport, point, canvas, deltaY, matrix) {
  const anchor = fractionalCellAt(point.x, point.y, canvas.W, canvas.H, viewport);
  const next = zoomAt(viewport, anchor.row, anchor.col, deltaY < 0 ? 0.8 : 1.25, matrix.n);
  return { viewport: next,
    cell: cellAt(Math.floor(point.x), Math.floor(point.y), canvas.W, canvas.H, next, matrix.order) };
}

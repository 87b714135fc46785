// A drag on the heatmap (no DOM): where it started and is now, in canvas pixels, whether it has moved far enough to
// be a zoom rather than a click, and its corners kept on the canvas.

/** How far (|dx| + |dy|, canvas pixels) the pointer must move before a press is a drag, not a click. */
export const DRAG_SLOP = 6;

export function startDrag(p) {
  return { x0: p.x, y0: p.y, x1: p.x, y1: p.y, moved: false };
}

/** Moves the drag's end to p; answers whether it now counts as a drag. Once moved, it stays moved. */
export function dragTo(drag, p) {
  drag.x1 = p.x;
  drag.y1 = p.y;
  if (Math.abs(p.x - drag.x0) + Math.abs(p.y - drag.y0) > DRAG_SLOP) drag.moved = true;
  return drag.moved;
}

/** The drag's two corners, each kept inside a width×height canvas. */
export function dragCorners(drag, width, height) {
  const clamp = (v, hi) => Math.min(hi - 1, Math.max(0, v));
  return [{ x: clamp(drag.x0, width), y: clamp(drag.y0, height) }, { x: clamp(drag.x1, width), y: clamp(drag.y1, height) }];
}

// The heatmap's pointer wiring: hover shows the tooltip, a drag zooms to its region (drag.js), a click selects or
// labels a cell, the wheel zooms around the pointer (wheel-zoom.js), and Reset zoom shows everything.

import { startDrag, dragTo, dragCorners } from './drag.js';
import { fullViewport, zoomToRegion } from './viewport.js';
import { wheelZoom } from './wheel-zoom.js';

/** page: {$, overlay, view (HeatmapView), state, tooltip(cell, event), redraw(), drawOverlay(), clickCell(cell)} */
export function wirePointer({ $, overlay, view, state, tooltip, redraw, drawOverlay, clickCell }) {
  const hit = (point) => view.cellAt(point, state.viewport, state.matrix.order);

  overlay.addEventListener('mousemove', (event) => {
    if (!state.matrix) return;
    const p = view.canvasPoint(event);
    if (state.drag && dragTo(state.drag, p)) drawOverlay();
    tooltip(hit(p), event);
  });

  overlay.addEventListener('mouseleave', () => { $('tooltip').hidden = true; });

  overlay.addEventListener('mousedown', (event) => {
    if (!state.matrix || event.button !== 0) return;
    state.drag = startDrag(view.canvasPoint(event));
  });

  window.addEventListener('mouseup', (event) => {
    const drag = state.drag;
    state.drag = null;
    if (!drag || !state.matrix) return;
    if (drag.moved) {
      const [a, b] = dragCorners(drag, view.W, view.H).map(hit);
      state.viewport = zoomToRegion(a.row, a.col, b.row, b.col, state.matrix.n);
      redraw();
    } else if (event.target === overlay) {
      const cell = hit(view.canvasPoint(event));
      if (cell) clickCell(cell);
    }
  });

  overlay.addEventListener('wheel', (event) => {
    if (!state.matrix) return;
    event.preventDefault();
    const step = wheelZoom(state.viewport, view.canvasPoint(event), view, event.deltaY, state.matrix);
    state.viewport = step.viewport;
    redraw();
    tooltip(step.cell, event);
  }, { passive: false });

  $('reset-zoom').addEventListener('click', () => {
    state.viewport = fullViewport(state.matrix.n);
    redraw();
  });
}

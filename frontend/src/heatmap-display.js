// What the heatmap draws and how: the page's own matrix or a panel's (an adapter's, a difference), its colours,
// legend and caption, the zoom read-out, the overlay (marks, loss outlines, selection, cursor, drag), and for a
// tiled matrix the visible tiles it asks for once a zoom settles.

import { heatmapColours } from './colour.js';
import { heatmapCaption } from './heatmap-caption.js';
import { isFull } from './viewport.js';
import { topContributions } from './losses.js';
import { setText } from './dom.js';

export class HeatmapDisplay {
  /** page: {$, t, state, view (HeatmapView), loader (TileLoader), root, shown() → {active, other}} */
  constructor({ $, t, state, view, loader, root, shown }) {
    Object.assign(this, { $, t, state, view, loader, root, shown });
    this.shownBy = null;
    this.tileFrame = 0;
    this.tileTimer = 0;
  }

  /** Visible tiles of the current level still missing: the browser test waits for 0. */
  pending() {
    return this.loader.pending(this.state.matrix, this.state.viewport, this.view.W);
  }

  /** A tile arrived: redraw once a frame, if it belongs to what is shown. */
  onTile(matrix) {
    if (this.state.matrix !== matrix) return;
    cancelAnimationFrame(this.tileFrame);
    this.tileFrame = requestAnimationFrame(() => {
      this.draw();
      this.root.dataset.tilesPending = String(this.pending());
    });
  }

  /** Draws a panel's matrix (null: the page's own); the panel that had the heatmap before sets its switch back. */
  show(shown, panel) {
    const { state } = this;
    if (shown && this.shownBy && this.shownBy !== panel) this.shownBy.resetView();
    this.shownBy = shown ? panel : null;
    state.valueKey = shown?.valueKey ?? 'cosine';
    state.caption = shown?.caption ?? null;
    state.matrix = shown ? shown.matrix : state.matrices[state.orderName];
    this.applyColours(shown ?? undefined);
  }

  /** The colours of a panel's matrix ({colours, maxAbs}) or of the page's own scale, with legend and caption. */
  applyColours(shown) {
    const { $, t, state, view } = this;
    const colours = shown?.colours ?? state.colours;
    const { lut, scale } = heatmapColours(colours, { range: state.dataDomain, maxAbs: shown?.maxAbs ?? 1 });
    view.setColours(lut);
    state.scale = scale;
    view.renderLegend(scale);
    const caption = heatmapCaption(state.caption, { model: state.model, colours, scale, maxAbs: shown?.maxAbs });
    setText($('heatmap-title'), t(...caption.title));
    setText($('legend-text'), t(...caption.legend));
    this.redraw();
  }

  draw() {
    const { $, t, state } = this;
    this.view.render(state.matrix, state.viewport, state.scale, state.thresholdOn ? state.threshold : null);
    // a wheel turn draws many zooms in a row: only the tiles of the zoom it stops at are asked for
    clearTimeout(this.tileTimer);
    this.tileTimer = setTimeout(() => {
      this.loader.requestVisible(state.matrix, state.viewport, this.view.W);
      this.root.dataset.tilesPending = String(this.pending());
    }, 120);
    const v = state.viewport;
    const full = isFull(v, state.matrix.n);
    $('reset-zoom').disabled = full;
    setText($('zoom-info'), full ? t('zoom.full', state.matrix.n)
      : t('zoom.part', v.row0 + 1, v.row0 + v.size, v.col0 + 1, v.col0 + v.size, state.matrix.n));
  }

  drawOverlay() {
    const { state } = this;
    const detail = state.lossDetail;
    const result = detail && detail.loss === state.selectedLoss ? detail.result : null;
    const { active, other } = this.shown();
    this.view.renderOverlay({
      matrix: state.matrix, viewport: state.viewport, outlines: result?.ok ? topContributions(result.body, 20) : [],
      labels: state.labels.all().map((l) => ({ ...l, pending: state.labels.state(l.i, l.j) === 'pending' })),
      selected: active, other, cursor: state.cursorShown ? state.cursor : null, drag: state.drag,
    });
  }

  redraw() {
    this.draw();
    this.drawOverlay();
  }
}

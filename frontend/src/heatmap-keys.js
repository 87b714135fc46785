// The page's keys and the heatmap's cell cursor: each key event goes through keyboard.js's router, and its action
// pans, moves the cursor, selects the cursor's cell, labels the active pair, undoes or skips.

import { routeKey, moveCursor, cursorCell, startCursor } from './keyboard.js';
import { isFull, pan, follow } from './viewport.js';

const CONTROLS = 'button, a[href], summary, input, select, textarea, [role=button], [contenteditable=true]';

export class HeatmapKeys {
  /**
   * page: {overlay, state, activePair(), queuePair(), draw(), redraw(), drawOverlay(), cursorShown(cell),
   * clickCell(cell), setLabel(i, j, label), undo(), skip()}
   */
  constructor(page) {
    this.page = page;
  }

  wire() {
    const { overlay, state } = this.page;
    document.addEventListener('keydown', (event) => this.onKey(event));
    overlay.addEventListener('focus', () => {
      if (!state.matrix) return;
      state.cursorShown = true;
      state.cursor ??= startCursor(state.selected, state.matrix.position, state.viewport);
      this.moveBy(0, 0);
    });
    overlay.addEventListener('blur', () => {
      state.cursorShown = false;
      if (state.matrix) this.page.drawOverlay();
      this.page.cursorShown(null);
    });
  }

  onKey(event) {
    const { page } = this;
    const { state } = page;
    const target = event.target instanceof Element ? event.target : null;
    const action = routeKey({
      key: event.key, repeat: event.repeat, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey,
      targetTag: target?.tagName, onControl: !!target?.closest(CONTROLS), onCanvas: target === page.overlay,
    }, {
      ready: !!state.matrix,
      zoomed: !!state.matrix && !isFull(state.viewport, state.matrix.n),
      viewportSize: state.viewport?.size ?? 0,
      activePair: page.activePair(),
      queuePair: page.queuePair(),
    });
    if (!action) return;
    if (action.type === 'pan') {
      state.viewport = pan(state.viewport, action.rows, action.cols, state.matrix.n);
      page.redraw();
    } else if (action.type === 'cursor') {
      this.moveBy(action.rows, action.cols);
    } else if (action.type === 'select-cursor') {
      const cell = this.cell();
      if (cell) page.clickCell(cell);
    } else if (action.type === 'undo') {
      page.undo();
    } else if (action.type === 'skip') {
      page.skip();
    } else {
      page.setLabel(action.i, action.j, action.label);
    }
    event.preventDefault();
  }

  cell() {
    const { state } = this.page;
    return cursorCell(state.cursor, state.matrix.order);
  }

  /** Moves the cursor (0, 0 shows it where it is); the viewport follows it when it leaves the view. */
  moveBy(rows, cols) {
    const { page } = this;
    const { state } = page;
    state.cursor = moveCursor(state.cursor ?? { row: state.viewport.row0, col: state.viewport.col0 }, rows, cols, state.matrix.n);
    const moved = follow(state.viewport, state.cursor.row, state.cursor.col, state.matrix.n);
    if (moved.row0 !== state.viewport.row0 || moved.col0 !== state.viewport.col0) {
      state.viewport = moved;
      page.draw();
    }
    page.drawOverlay();
    page.cursorShown(this.cell());
  }
}

// The heatmap view: paints the matrix, its legend and the overlay (label marks, loss outlines, the selection,
// the drag rectangle) onto the page's canvases. It decides nothing: callers pass what to show.

import { buildLut, legendTicks } from './colour.js';
import { markGeometry } from './marks.js';
import { renderViewport, paint } from './grid.js';
import { levelFor, tileMeans } from './tiles.js';
import { cellAt, cellRect } from './hittest.js';
import { el, clear } from './dom.js';

export class HeatmapView {
  constructor({ heatmap, overlay, legend, legendTicks: ticks }) {
    this.heatmap = heatmap;
    this.overlay = overlay;
    this.legend = legend;
    this.ticks = ticks;
    this.W = heatmap.width;
    this.H = heatmap.height;
    this.heatCtx = heatmap.getContext('2d');
    this.overCtx = overlay.getContext('2d');
    this.image = this.heatCtx.createImageData(this.W, this.H);
    this.lut = buildLut();
  }

  /** Colour table for the next render (sequential or diverging). */
  setColours(lut) {
    this.lut = lut;
  }

  /** Paints the visible part of the matrix; `dim` (a threshold or null) greys the cells below it. */
  render(matrix, viewport, scale, dim) {
    if (matrix.tiled) {
      const level = levelFor(matrix.finest, viewport.size, this.W);
      paint(tileMeans(matrix.tiles, matrix.n, matrix.finest, level, viewport, this.W, this.H), this.image.data,
        this.lut, scale, dim);
    } else {
      renderViewport(matrix, viewport, this.W, this.H, this.lut, scale, this.image.data, dim);
    }
    this.heatCtx.putImageData(this.image, 0, 0);
  }

  renderLegend(scale) {
    const ctx = this.legend.getContext('2d');
    const { lo, hi } = scale;
    const lut = this.lut;
    for (let y = 0; y < this.legend.height; y++) {
      const value = hi - (y / (this.legend.height - 1)) * (hi - lo);
      const k = scale.index(value) * 4;
      ctx.fillStyle = `rgb(${lut[k]}, ${lut[k + 1]}, ${lut[k + 2]})`;
      ctx.fillRect(0, y, this.legend.width, 1);
    }
    const ticks = clear(this.ticks);
    for (const t of legendTicks(lo, hi, 7)) {
      const tick = el('span', { text: t.toFixed(2) });
      tick.style.top = `${((hi - t) / (hi - lo)) * 100}%`;
      ticks.append(tick);
    }
  }

  /**
   * scene: {matrix, viewport, outlines: [{i, j}], labels: [{i, j, label, pending}], selected: the active pair
   * {i, j} | null, other: the other pair shown (queue or selection) | null, cursor: {row, col} | null,
   * drag: {x0, y0, x1, y1, moved} | null}
   */
  renderOverlay(scene) {
    const ctx = this.overCtx;
    ctx.clearRect(0, 0, this.W, this.H);
    if (!scene.matrix) return;
    const rectsOf = (i, j) => this.rectsOfPair(scene.matrix, scene.viewport, i, j);
    ctx.strokeStyle = '#ff8c00';
    ctx.lineWidth = 2;
    for (const p of scene.outlines ?? []) {
      for (const r of rectsOf(p.i, p.j)) {
        const g = grow(r, 8);
        ctx.strokeRect(g.x + 1, g.y + 1, g.w - 2, g.h - 2);
      }
    }
    for (const { i, j, label, pending } of scene.labels) {
      for (const r of rectsOf(i, j)) this.drawMark(r, label, pending);
    }
    // the pair S and D act on: black and white outline; the other shown pair (queue or selection): dashed
    if (scene.other) {
      for (const r of rectsOf(scene.other.i, scene.other.j)) {
        const g = grow(r, 10);
        ctx.setLineDash([3, 3]);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#000';
        ctx.strokeRect(g.x - 1, g.y - 1, g.w + 2, g.h + 2);
        ctx.setLineDash([]);
      }
    }
    if (scene.selected) {
      for (const r of rectsOf(scene.selected.i, scene.selected.j)) {
        const g = grow(r, 10);
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#000';
        ctx.strokeRect(g.x - 1, g.y - 1, g.w + 2, g.h + 2);
        ctx.strokeStyle = '#fff';
        ctx.strokeRect(g.x + 1, g.y + 1, g.w - 2, g.h - 2);
      }
    }
    // keyboard cell cursor, in display coordinates
    if (scene.cursor) {
      const r = cellRect(scene.cursor.row, scene.cursor.col, this.W, this.H, scene.viewport);
      if (r) {
        const g = grow(r, 12);
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#fff';
        ctx.strokeRect(g.x - 2, g.y - 2, g.w + 4, g.h + 4);
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#d6009f';
        ctx.strokeRect(g.x - 2, g.y - 2, g.w + 4, g.h + 4);
      }
    }
    if (scene.drag?.moved) {
      const { x0, y0, x1, y1 } = scene.drag;
      ctx.fillStyle = 'rgba(59, 91, 219, 0.15)';
      ctx.strokeStyle = '#3b5bdb';
      ctx.lineWidth = 1;
      ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      ctx.strokeRect(Math.min(x0, x1) + 0.5, Math.min(y0, y1) + 0.5, Math.abs(x1 - x0), Math.abs(y1 - y0));
    }
  }

  rectsOfPair(matrix, viewport, i, j) {
    const { position } = matrix;
    return [cellRect(position[i], position[j], this.W, this.H, viewport),
      cellRect(position[j], position[i], this.W, this.H, viewport)].filter(Boolean);
  }

  drawMark(r, label, pending) {
    const ctx = this.overCtx;
    const m = markGeometry(r, label, pending);
    const half = m.size / 2;
    ctx.beginPath();
    if (m.shape === 'circle') ctx.arc(m.cx, m.cy, half, 0, 2 * Math.PI);
    else ctx.rect(m.cx - half * 0.9, m.cy - half * 0.9, m.size * 0.9, m.size * 0.9);
    ctx.globalAlpha = pending ? 0.45 : 1;
    ctx.fillStyle = m.fill;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.setLineDash(pending ? [2, 2] : []);
    ctx.lineWidth = m.glyph ? 1.5 : 1;
    ctx.strokeStyle = m.outline;
    ctx.stroke();
    ctx.setLineDash([]);
    if (!m.glyph) return;
    const arm = half * 0.55;
    ctx.beginPath();
    ctx.moveTo(m.cx - arm, m.cy);
    ctx.lineTo(m.cx + arm, m.cy);
    if (m.glyph === 'plus') {
      ctx.moveTo(m.cx, m.cy - arm);
      ctx.lineTo(m.cx, m.cy + arm);
    }
    ctx.lineWidth = Math.max(2, m.size * 0.14);
    ctx.strokeStyle = '#fff';
    ctx.stroke();
  }

  /** Mouse event → canvas pixel coordinates (the canvas may be shown scaled). */
  canvasPoint(event) {
    const box = this.overlay.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * this.W) / box.width, y: ((event.clientY - box.top) * this.H) / box.height };
  }

  /** The cell under a canvas point: {row, col, i, j}, or null outside the matrix. */
  cellAt(point, viewport, order) {
    return cellAt(Math.floor(point.x), Math.floor(point.y), this.W, this.H, viewport, order);
  }
}

function grow(rect, min) {
  if (rect.w >= min) return rect;
  const d = (min - rect.w) / 2;
  return { x: rect.x - d, y: rect.y - d, w: min, h: min };
}

// Keyboard router: turns a key press into what the page should do. Pure decisions, no DOM: the page passes the
// key event's fields and what is on screen, and performs the returned action.

import { actionForKey } from './labels.js';

const TEXT_ENTRY = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ARROWS = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * key: {key, repeat, ctrlKey, metaKey, altKey, targetTag, onControl, onCanvas}: onControl when focus is on
 * something Enter presses (a button, a link), onCanvas when it is on the heatmap.
 * view: {ready, zoomed, viewportSize, activePair, queuePair}: the pair S, D and 0 act on, and the queue's
 * pair (null when the queue is not running).
 * Returns null (let the browser have the key) or one of
 * {type: 'pan', rows, cols} · {type: 'cursor', rows, cols} · {type: 'select-cursor'} · {type: 'undo'} ·
 * {type: 'skip'} · {type: 'label', i, j, label}.
 */
export function routeKey(key, view) {
  if (TEXT_ENTRY.has(key.targetTag) || key.ctrlKey || key.metaKey || key.altKey) return null;
  if (!view.ready) return null;
  const arrow = ARROWS[key.key];
  if (arrow) {
    // moving may repeat while the key is held; nothing below it does
    if (key.onCanvas) return { type: 'cursor', rows: arrow[0], cols: arrow[1] };
    if (!view.zoomed) return null;
    const step = Math.max(1, Math.round(view.viewportSize / 8));
    return { type: 'pan', rows: arrow[0] * step, cols: arrow[1] * step };
  }
  if (key.repeat) return null;
  if (key.key === 'Enter') {
    if (key.onCanvas) return { type: 'select-cursor' };
    if (key.onControl) return null;
  }
  const action = actionForKey(key.key);
  if (!action) return null;
  if (action.type === 'undo') return action;
  if (action.type === 'skip') return view.queuePair ? action : null;
  const pair = view.activePair;
  if (!pair || pair.i === pair.j) return null;
  return { type: 'label', i: pair.i, j: pair.j, label: action.label };
}

/** Moves a display-cell cursor by (rows, cols), staying inside the n×n matrix. */
export function moveCursor(cursor, rows, cols, n) {
  const clamp = (v) => Math.min(n - 1, Math.max(0, v));
  return { row: clamp(cursor.row + rows), col: clamp(cursor.col + cols) };
}

/**
 * The pair the label keys act on, which the page marks as active, and the other pair on screen. The queue's
 * pair is active from the moment the queue shows it until the user selects a cell, and the selection from
 * then until the queue moves on. focus: 'queue' | 'selection'; pairs {i, j} or null (queuePair null while the
 * queue is stopped). Returns {active, other, panel: 'queue' | 'selection' | null}.
 */
export function shownPairs({ focus, selected, queuePair }) {
  const onQueue = focus === 'queue' && !!queuePair;
  const active = (onQueue ? queuePair : selected) ?? null;
  const other = (onQueue ? selected : queuePair) ?? null;
  return { active, other: other === active ? null : other, panel: active ? (onQueue ? 'queue' : 'selection') : null };
}

/** The sentence pair under the cursor's display cell, or null without a cursor. */
export function cursorCell(cursor, order) {
  if (!cursor) return null;
  return { row: cursor.row, col: cursor.col, i: order[cursor.row], j: order[cursor.col] };
}

/** Where the cursor starts when the heatmap takes focus: on the selected pair, else the viewport's corner. */
export function startCursor(selected, position, viewport) {
  return selected ? { row: position[selected.i], col: position[selected.j] } : { row: viewport.row0, col: viewport.col0 };
}

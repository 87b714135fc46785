// Keyboard router: turns a key press into what the page should do. Pure decisions, no DOM: the page passes the
// key event's fields and what is on screen, and performs the returned action.

import { actionForKey } from './labels.js';

const TEXT_ENTRY = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const PAN = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * key: {key, repeat, ctrlKey, metaKey, altKey, targetTag}
 * view: {ready, zoomed, viewportSize, queuePair, selected}, pairs as {i, j} or null.
 * Returns null (let the browser have the key) or one of
 * {type: 'pan', rows, cols} · {type: 'undo'} · {type: 'skip'} · {type: 'label', i, j, label}.
 */
export function routeKey(key, view) {
  if (TEXT_ENTRY.has(key.targetTag) || key.ctrlKey || key.metaKey || key.altKey) return null;
  if (!view.ready) return null;
  if (PAN[key.key] && view.zoomed) {
    const step = Math.max(1, Math.round(view.viewportSize / 8));
    return { type: 'pan', rows: PAN[key.key][0] * step, cols: PAN[key.key][1] * step };
  }
  const action = actionForKey(key.key);
  if (!action) return null;
  if (action.type === 'undo') return action;
  if (view.queuePair) {
    if (action.type === 'skip') return action;
    return { type: 'label', i: view.queuePair.i, j: view.queuePair.j, label: action.label };
  }
  if (action.type === 'label' && view.selected) {
    return { type: 'label', i: view.selected.i, j: view.selected.j, label: action.label };
  }
  return null;
}

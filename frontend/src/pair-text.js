// What the pair panels say about a pair (no DOM): its mark class, the value under the pointer or cursor (a pair's
// cosine, or a block's mean on a tiled heatmap not yet loaded at the finest level), and the label's words.

/** The CSS class of a label mark: pos for +1, neg for −1. */
export function markClass(label) {
  return `mark ${label === 1 ? 'pos' : label === -1 ? 'neg' : ''}`;
}

/** The message key naming a pair's label in the selection panel. */
export function selectionKey(label, diagonal) {
  if (diagonal) return 'selection.diagonal';
  return label === 1 ? 'selection.similar' : label === -1 ? 'selection.dissimilar' : 'selection.none';
}

/** The short label word of the tooltip ('' for no label or the diagonal). */
export function labelWord(label, diagonal, t) {
  if (diagonal) return '';
  return label === 1 ? t('label.similar') : label === -1 ? t('label.dissimilar') : '';
}

/**
 * The value at display cell (row, col), named by valueKey (a cosine, an adapter's, a difference); on a tiled
 * matrix whose finest tile is not loaded yet, it says how many sentences a side its block covers.
 */
export function cellValueText(matrix, cell, valueKey, t) {
  const value = t(valueKey, matrix.atCell(cell.row, cell.col).toFixed(3));
  const level = matrix.tiled ? matrix.levelAt(cell.row, cell.col) : null;
  return level === null || level === matrix.finest ? value : `${value} (${t('tiles.block', 2 ** (matrix.finest - level))})`;
}

/** The keyboard cursor's cell read out: the pair, its value and its label. */
export function cursorText(cell, { matrix, labels, valueKey }, t) {
  const label = cell.i === cell.j ? 0 : labels.get(cell.i, cell.j);
  const said = label === 1 ? t('cursor.similar') : label === -1 ? t('cursor.dissimilar') : '';
  return t('cursor', cell.i, cell.j, t(valueKey, matrix.atCell(cell.row, cell.col).toFixed(3)), said);
}

/** The queue card's reason line: why the queue offers this pair. */
export function queueReason(current, t) {
  return current.reason === 'implied' ? t('queue.implied', current.path.map((k) => `#${k}`).join(' ~ ')) : t(`queue.${current.reason}`);
}

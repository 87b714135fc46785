// Neighbours from the server for the search box: the k nearest sentences of a sentence, or of the typed text,
// as rows ready to label. Pure: URLs and rows out; the page fetches and writes them through textContent.

export const NEIGHBOURS_K = 10;

/** The neighbours URL of a dataset API base, for {sentence} (an index) or {text}. */
export function neighboursUrl(api, { sentence, text, k = NEIGHBOURS_K }) {
  const params = new URLSearchParams({ k: String(k) });
  if (Number.isInteger(sentence)) params.set('sentence', String(sentence));
  else if (text && text.trim()) params.set('text', text.trim());
  else return null;
  return `${api}/neighbours?${params}`;
}

/**
 * Rows [{i, j, similarity, label, text}] for a neighbours answer. With `of` (a sentence) the pair is (of, j);
 * for a text there is no pair to label yet, so i is the nearest sentence and the rows pair it with the others.
 * `labels` has get(i, j); `sentences` is indexable by position (missing texts give '').
 */
export function neighbourRows(answer, labels, sentences) {
  const list = answer?.neighbours ?? [];
  if (list.length === 0) return [];
  const i = Number.isInteger(answer.of) ? answer.of : list[0].index;
  return list.filter((n) => n.index !== i).map((n) => ({
    i, j: n.index, similarity: n.similarity, label: labels.get(i, n.index), text: sentences[n.index] ?? '',
  }));
}

/** The label a key gives the focused neighbour row: S similar, D dissimilar, 0 or Backspace clears; else null. */
export function labelForKey(key) {
  switch (key) {
    case 's': case 'S': return 1;
    case 'd': case 'D': return -1;
    case '0': case 'Backspace': return 0;
    default: return null;
  }
}

/** Clicking the label a row already has clears it, as on the queue's buttons. */
export function nextLabel(current, pressed) {
  return current === pressed ? 0 : pressed;
}

// Review of the labelled pairs and search of the sentences. Pure: lists in, rows out.

export const REVIEW_FILTERS = ['all', 'disagrees', 'conflicts', 'recent'];

/**
 * Rows of the review list: [{i, j, label, similarity, changedAt, path?}].
 * - 'all': by pair (i, j);
 * - 'disagrees': labels the cosine contradicts at the threshold (a +1 below it, a −1 at or above it), the
 *   clearest contradictions first;
 * - 'conflicts': −1 labels inside a +1 chain (from the server's conflicts), with the chain as `path`;
 * - 'recent': the last changed first.
 * labels: [{i, j, label, changedAt}] with i < j; conflicts: [{i, j, path}].
 */
export function reviewRows(labels, { filter = 'all', matrix, threshold = 0.5, conflicts = [], limit = 100 } = {}) {
  const rows = labels.map((l) => ({ ...l, similarity: matrix.at(l.i, l.j) }));
  let out;
  switch (filter) {
    case 'disagrees':
      out = rows.filter((r) => (r.label === 1 ? r.similarity < threshold : r.similarity >= threshold))
        .sort((a, b) => Math.abs(b.similarity - threshold) - Math.abs(a.similarity - threshold) || byPair(a, b));
      break;
    case 'conflicts': {
      const byKey = new Map(rows.map((r) => [`${r.i},${r.j}`, r]));
      out = conflicts.map((c) => {
        const row = byKey.get(`${Math.min(c.i, c.j)},${Math.max(c.i, c.j)}`);
        return row ? { ...row, path: c.path } : null;
      }).filter(Boolean);
      break;
    }
    case 'recent':
      out = rows.sort((a, b) => (b.changedAt ?? 0) - (a.changedAt ?? 0) || byPair(a, b));
      break;
    default:
      out = rows.sort(byPair);
  }
  return { rows: out.slice(0, limit), total: out.length };
}

function byPair(a, b) {
  return a.i - b.i || a.j - b.j;
}

/** Sentences containing the query, case-insensitively: [{index, text}], at most `limit`, in sentence order. */
export function searchSentences(sentences, query, limit = 20) {
  const q = (query ?? '').trim().toLocaleLowerCase();
  if (!q) return { matches: [], total: 0 };
  const matches = [];
  let total = 0;
  sentences.forEach((text, index) => {
    if (text.toLocaleLowerCase().includes(q)) {
      total++;
      if (matches.length < limit) matches.push({ index, text });
    }
  });
  return { matches, total };
}

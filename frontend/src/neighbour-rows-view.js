// One neighbour row, ready to label: its cosine, the neighbour's text (a click selects the pair), Similar and
// Dissimilar buttons (a second press clears), and S, D, 0 on the focused row. Shared by the neighbour panel and the
// search's neighbours; the labels go through the page's setLabel like every other label action.

import { el } from './dom.js';
import { labelForKey, nextLabel } from './neighbour-search.js';

/** page: {t, labels (get(i, j)), setLabel(i, j, label), select(i, j) or null}; r: a neighbourRows row. */
export function neighbourItem(r, { t, labels, setLabel, select }) {
  const label = (value) => setLabel(r.i, r.j, nextLabel(labels.get(r.i, r.j), value));
  const button = (cls, key, value) => el('button', {
    type: 'button', class: `btn btn-small ${cls}${r.label === value ? ' active' : ''}`, 'aria-pressed': String(r.label === value),
    text: t(key), 'aria-label': t('review.action', t(key), r.i, r.j), onclick: () => label(value),
  });
  const text = select
    ? el('button', { type: 'button', class: 'linklike', title: t('neighbour.select'), onclick: () => select(r.i, r.j) },
      el('span', { class: 'idx', text: `#${r.j}` }), ' ', el('span', { text: r.text }))
    : el('span', {}, el('span', { class: 'idx', text: `#${r.j}` }), ' ', el('span', { text: r.text }));
  return el('li', { tabindex: '0', 'data-pair': `${r.i},${r.j}`, onkeydown: (event) => {
    const value = labelForKey(event.key);
    if (value === null) return;
    event.preventDefault();
    event.stopPropagation();
    setLabel(r.i, r.j, value);
  } },
  el('span', { class: 'sim', text: r.similarity.toFixed(3) }), ' ', text, ' ',
  button('label-pos', 'selection.similar', 1), button('label-neg', 'selection.dissimilar', -1));
}

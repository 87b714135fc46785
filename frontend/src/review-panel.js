// The review panels of the dataset page: the labelled-pairs list with its filters, sentence search, and the
// label-consistency warnings. The choosing and sorting is review.js; this writes it out through textContent.

import { reviewRows, searchSentences } from './review.js';
import { currentThreshold } from './queue.js';
import { el, clear, setText } from './dom.js';

const SHOWN = 100;
const chain = (path) => path.map((k) => `#${k}`).join(' ~ ');

export class ReviewPanel {
  /** page: {$, t, state, actions: {jump(i, j), setLabel(i, j, label)}} */
  constructor({ $, t, state, actions }) {
    this.$ = $;
    this.t = t;
    this.state = state;
    this.actions = actions;
    this.filter = 'all';
  }

  setFilter(filter) {
    this.filter = filter;
    this.list();
  }

  list() {
    const { $, t, state } = this;
    if (!state.matrix) return;
    const { rows, total } = reviewRows(state.labels.entries(), {
      filter: this.filter, matrix: state.matrix, threshold: currentThreshold(state.metrics),
      conflicts: state.consistency?.conflicts ?? [], limit: SHOWN,
    });
    setText($('review-count'), total === 0 ? t('review.none') : total > rows.length ? t('review.more', total, rows.length) : t('review.count', total));
    const list = clear($('review-list'));
    for (const r of rows) list.append(this.row(r));
  }

  row(r) {
    const { t, state, actions } = this;
    const when = r.changedAt ? new Date(r.changedAt).toLocaleString() : '—';
    const label = el('strong', { class: `mark ${r.label === 1 ? 'pos' : 'neg'}`, text: r.label === 1 ? t('selection.similar') : t('selection.dissimilar') });
    return el('li', { 'data-pair': `${r.i},${r.j}` },
      el('div', { class: 'pair-text' },
        el('p', { class: 'sentence' }, el('span', { class: 'idx', text: `#${r.i}` }), ' ', el('span', { text: state.sentences[r.i] ?? '' })),
        el('p', { class: 'sentence' }, el('span', { class: 'idx', text: `#${r.j}` }), ' ', el('span', { text: state.sentences[r.j] ?? '' }))),
      el('p', { class: 'pair-meta' }, label, ` · ${t('review.cosine', r.similarity.toFixed(3))} · ${t('review.changed', when)}`,
        r.path ? ` · ${t('review.chain', chain(r.path))}` : ''),
      el('div', { class: 'row-actions' },
        el('button', { type: 'button', class: 'btn btn-small review-show', text: t('review.show'), onclick: () => actions.jump(r.i, r.j) }),
        el('button', { type: 'button', class: 'btn btn-small review-flip', text: t('review.flip'), onclick: () => actions.setLabel(r.i, r.j, -r.label) }),
        el('button', { type: 'button', class: 'btn btn-small review-clear', text: t('review.clear'), onclick: () => actions.setLabel(r.i, r.j, 0) })));
  }

  search(query) {
    const { $, t, state, actions } = this;
    const { matches, total } = searchSentences(state.sentences, query);
    const q = (query ?? '').trim();
    setText($('search-count'), !q ? '' : total === 0 ? t('search.none', q) : total > matches.length ? t('search.more', total, matches.length) : t('search.count', total));
    const list = clear($('search-results'));
    for (const m of matches) {
      list.append(el('li', {}, el('button', { type: 'button', class: 'linklike', title: t('search.jump', m.index), onclick: () => actions.jump(m.index, m.index) },
        el('span', { class: 'idx', text: `#${m.index}` }), ' ', el('span', { text: m.text }))));
    }
  }

  /** report: {conflicts, implied} from the server, or {error}. */
  consistency(report) {
    const { $, t, actions } = this;
    const list = clear($('conflict-list'));
    if (report.error) {
      setText($('consistency-summary'), t('consistency.failed', report.error));
      return;
    }
    setText($('consistency-summary'), report.conflicts.length === 0 && report.implied.length === 0
      ? t('consistency.none') : t('consistency.count', report.conflicts.length, report.implied.length));
    for (const c of report.conflicts) {
      list.append(el('li', { 'data-pair': `${c.i},${c.j}` },
        el('span', { text: t('consistency.conflict', c.i, c.j, chain(c.path)) }),
        el('button', { type: 'button', class: 'btn btn-small', text: t('review.show'), onclick: () => actions.jump(c.i, c.j) })));
    }
  }
}

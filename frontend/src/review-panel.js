// The review panels of the dataset page: the labelled-pairs list with its filters, sentence search, and the
// label-consistency warnings. The choosing and sorting is review.js; this writes it out through textContent.

import { reviewRows, searchSentences } from './review.js';
import { currentThreshold } from './queue.js';
import { el, clear, setText } from './dom.js';
import { getJson } from './api.js';
import { neighboursUrl, neighbourRows } from './neighbour-search.js';
import { neighbourItem } from './neighbour-rows-view.js';

const SHOWN = 100;
const chain = (path) => path.map((k) => `#${k}`).join(' ~ ');

export class ReviewPanel {
  /** page: {$, t, state, api (the dataset's API base), actions: {jump(i, j), setLabel(i, j, label)}} */
  constructor({ $, t, state, api, actions }) {
    this.api = api;
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
        this.button('review-show', 'review.show', r, () => actions.jump(r.i, r.j)),
        this.button('review-flip', 'review.flip', r, () => actions.setLabel(r.i, r.j, -r.label)),
        this.button('review-clear', 'review.clear', r, () => actions.setLabel(r.i, r.j, 0))));
  }

  /** A row's button; its accessible name says which pair it acts on ("Flip #3 and #8"). */
  button(cls, key, r, onclick) {
    const text = this.t(key);
    return el('button', { type: 'button', class: `btn btn-small ${cls}`, text, 'aria-label': this.t('review.action', text, r.i, r.j), onclick });
  }

  search(query) {
    const { $, t, state, actions } = this;
    const { matches, total } = searchSentences(state.sentences, query);
    const q = (query ?? '').trim();
    setText($('search-count'), !q ? '' : total === 0 ? t('search.none', q) : total > matches.length ? t('search.more', total, matches.length) : t('search.count', total));
    const list = clear($('search-results'));
    for (const m of matches) {
      list.append(el('li', {}, el('button', { type: 'button', class: 'linklike', title: t('search.jump', m.index), onclick: () => actions.jump(m.index, m.index) },
        el('span', { class: 'idx', text: `#${m.index}` }), ' ', el('span', { text: m.text })),
        ' ', el('button', { type: 'button', class: 'btn btn-small search-neighbours', text: t('search.neighbours'), onclick: () => this.neighbours({ sentence: m.index }) })));
    }
  }

  /** Fetches the neighbours of {sentence} or {text} from the server and lists them, each ready to label. */
  async neighbours(query) {
    const url = neighboursUrl(this.api, query);
    if (!url) return;
    this.lastNeighbours = query;
    const { $, t } = this;
    try {
      this.neighbourAnswer = await getJson(url);
      this.neighbourList();
    } catch (error) {
      setText($('search-neighbours-of'), t('search.neighbours.failed', error.message));
    }
  }

  /** Redraws the last neighbours with the labels as they are now (after a label changes). */
  neighbourList() {
    const { $, t, state, actions } = this;
    const list = clear($('search-neighbours'));
    if (!this.neighbourAnswer) return;
    const rows = neighbourRows(this.neighbourAnswer, state.labels, state.sentences);
    const of = rows[0]?.i;
    setText($('search-neighbours-of'), rows.length === 0 ? t('search.neighbours.none')
      : t('search.neighbours.of', of, state.sentences[of] ?? '', this.neighbourAnswer.method));
    const page = { t, labels: state.labels, setLabel: actions.setLabel, select: actions.jump };
    for (const r of rows) list.append(neighbourItem(r, page));
  }

  /**
   * Asks for the server's consistency check: conflicts (listed as warnings) and the unlabelled pairs the +1 labels
   * imply (A~B, B~C, so A~C?), which the queue offers first.
   */
  async refreshConsistency(outcome) {
    const { state } = this;
    const result = await outcome(`${this.api}/labels/conflicts`).catch((e) => ({ ok: false, problem: { detail: e.message } }));
    state.consistency = result.ok ? result.body : null;
    state.queue.implied = result.ok ? result.body.implied ?? [] : [];
    this.consistency(result.ok ? result.body : { error: result.problem?.detail ?? '' });
    this.list();
  }

  /** report: {conflicts, implied} from the server, or {error}. */
  consistency(report) {
    const { $, t, actions } = this;
    const list = clear($('conflict-list'));
    if ('error' in report) {
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

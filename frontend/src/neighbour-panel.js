// The neighbour panel: the top-k neighbours of the selected pair's first sentence, each ready to label. The rows come
// from NeighbourLookup (the page's matrix, or the server's search on a tiled page); this writes them through
// textContent and hands clicks and keys back to the page.

import { NeighbourLookup } from './neighbour-lookup.js';
import { neighbourRows } from './neighbour-search.js';
import { neighbourItem } from './neighbour-rows-view.js';
import { el, clear, setText } from './dom.js';

export class NeighbourPanel {
  /** page: {$, t, state, api, getJson, actions: {select(i, j), setLabel(i, j, label)}} */
  constructor({ $, t, state, api, getJson, actions }) {
    this.$ = $;
    this.t = t;
    this.state = state;
    this.actions = actions;
    this.lookup = new NeighbourLookup({ api, getJson });
    this.answer = null;
  }

  /** The selection changed: show its first sentence's neighbours, asking the server when the page has no rows. */
  async show() {
    const { $, t, state } = this;
    const sel = state.selected;
    $('neighbours-empty').hidden = !!sel;
    $('neighbours-of').hidden = !sel;
    if (!sel) {
      this.answer = null;
      clear($('neighbours'));
      setText($('neighbours-note'), '');
      return;
    }
    const i = sel.i;
    const of = clear($('neighbours-of'));
    of.append(el('span', { class: 'idx', text: `#${i}` }), ' ', el('strong', { text: state.sentences[i] ?? '' }));
    if (!this.lookup.has(i, state.matrix)) {
      clear($('neighbours'));
      setText($('neighbours-note'), t('neighbours.loading'));
    }
    try {
      const found = await this.lookup.of(i, state.matrix);
      if (found.stale || state.selected?.i !== i) return;
      this.answer = found.answer;
      this.rows();
    } catch (error) {
      if (state.selected?.i !== i) return;
      this.answer = null;
      clear($('neighbours'));
      setText($('neighbours-note'), t('neighbours.failed', error.message));
    }
  }

  /** Redraws the shown neighbours with the labels as they are now (after a label changes). */
  rows() {
    const { $, t, state, actions } = this;
    const list = clear($('neighbours'));
    if (!this.answer) return;
    const rows = neighbourRows(this.answer, state.labels, state.sentences);
    setText($('neighbours-note'), rows.length === 0 ? t('search.neighbours.none')
      : t(this.answer.method === 'page' ? 'neighbours.keys' : 'neighbours.method', this.answer.method));
    const page = { t, labels: state.labels, setLabel: actions.setLabel, select: actions.select };
    for (const r of rows) list.append(neighbourItem(r, page));
    const root = $('neighbours-panel');
    root.dataset.neighboursOf = String(this.answer.of);
  }
}

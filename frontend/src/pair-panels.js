// The pair panels of the dataset page: the tooltip, the selected pair, which panel S/D/0 act on, the keyboard
// cursor's read-out, the label count and the save failures. The words come from pair-text.js; this writes them
// through textContent.

import { markClass, selectionKey, labelWord, cellValueText, cursorText } from './pair-text.js';
import { el, clear, setText } from './dom.js';

export class PairPanels {
  /** page: {$, t, state} */
  constructor({ $, t, state }) {
    Object.assign(this, { $, t, state });
  }

  labelCount() {
    setText(this.$('label-count'), String(this.state.labels.size));
  }

  tooltip(cell, event) {
    const { $, t, state } = this;
    const tip = $('tooltip');
    if (!cell) {
      tip.hidden = true;
      return;
    }
    const label = state.labels.get(cell.i, cell.j);
    setText($('tooltip-similarity'), cellValueText(state.matrix, cell, state.valueKey, t));
    const mark = $('tooltip-label');
    setText(mark, labelWord(label, cell.i === cell.j, t));
    mark.className = markClass(label);
    setText($('tooltip-i'), `#${cell.i}`);
    setText($('tooltip-a'), state.sentences[cell.i] ?? '');
    setText($('tooltip-j'), `#${cell.j}`);
    setText($('tooltip-b'), state.sentences[cell.j] ?? '');
    tip.hidden = false;
    const x = Math.min(event.clientX + 16, window.innerWidth - tip.offsetWidth - 8);
    const y = Math.min(event.clientY + 16, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  }

  selection() {
    const { $, t, state } = this;
    const sel = state.selected;
    $('selection-empty').hidden = !!sel;
    $('selection').hidden = !sel;
    $('undo').disabled = !state.labels.canUndo;
    if (!sel) return;
    setText($('sel-i'), `#${sel.i}`);
    setText($('sel-a'), state.sentences[sel.i] ?? '');
    setText($('sel-j'), `#${sel.j}`);
    setText($('sel-b'), state.sentences[sel.j] ?? '');
    setText($('sel-similarity'), state.matrix.at(sel.i, sel.j).toFixed(3));
    const label = state.labels.get(sel.i, sel.j);
    const diagonal = sel.i === sel.j;
    const labelNode = $('sel-label');
    setText(labelNode, t(selectionKey(label, diagonal)));
    labelNode.className = markClass(label);
    $('sel-similar').disabled = diagonal;
    $('sel-dissimilar').disabled = diagonal;
    $('sel-clear').disabled = diagonal || label === 0;
  }

  /** Which pair panel S, D and 0 act on: 'selection' or 'queue'. */
  activePanel(which) {
    const { $ } = this;
    $('selection-panel').classList.toggle('is-active', which === 'selection');
    $('queue-panel').classList.toggle('is-active', which === 'queue');
    $('selection-active').hidden = which !== 'selection';
    $('queue-active').hidden = which !== 'queue';
  }

  /** Saves that failed, each with Retry and Dismiss; they stay until handled, whatever succeeds after them. */
  failures(list, { retry, dismiss }) {
    const { $, t } = this;
    const ul = clear($('failure-list'));
    for (const f of list) {
      ul.append(el('li', { 'data-failure': f.id },
        el('span', { text: t(f.kind === 'undo' ? 'failure.undo' : 'failure', f.i, f.j, f.message) }),
        el('button', { type: 'button', class: 'btn btn-small retry', onclick: () => retry(f.id), text: t('retry') }),
        el('button', { type: 'button', class: 'btn btn-link', onclick: () => dismiss(f.id), text: t('dismiss') })));
    }
    $('save-failures').hidden = list.length === 0;
  }

  /** The keyboard cursor's cell, read out by screen readers (aria-live) and shown under the heatmap. */
  cursor(cell) {
    setText(this.$('cursor-info'), cell ? cursorText(cell, this.state, this.t) : '');
  }
}

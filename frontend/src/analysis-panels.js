// The losses and metrics panels: a row per loss (a click selects it, for its outlines and explanation), each loss's
// value or why it is undefined, the metrics, and the dimming while they are recomputed. Analysis fetches them;
// losses.js words them; this writes them through textContent.

import { describeLossOutcome, sigmoidBceExplanation, explanationMessage } from './losses.js';
import { el, clear, setText } from './dom.js';

const fixed3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '—');

export class AnalysisPanels {
  /** page: {$, t, state, actions: {toggleLoss(id)}} */
  constructor({ $, t, state, actions }) {
    Object.assign(this, { $, t, state, actions });
  }

  /** Analysis is being recomputed: dim the numbers at once, and replace them if it takes a while. */
  recomputing(on) {
    const { $ } = this;
    clearTimeout(this.recomputeTimer);
    for (const id of ['metrics-panel', 'losses-panel']) {
      $(id).setAttribute('aria-busy', String(on));
      $(id).classList.toggle('recomputing-now', on);
    }
    for (const node of document.querySelectorAll('#metrics dd, #loss-rows .loss-value')) node.classList.toggle('busy', on);
    if (on) {
      this.recomputeTimer = setTimeout(() => {
        for (const node of document.querySelectorAll('#metrics dd, #loss-rows .loss-number')) setText(node, this.t('recomputing'));
      }, 400);
    }
  }

  lossRows() {
    const body = clear(this.$('loss-rows'));
    for (const loss of this.state.losses) {
      const row = el('tr', { 'data-loss': loss.id, title: loss.formula ?? loss.description ?? '' },
        el('td', {}, el('button', { type: 'button', class: 'loss-toggle', 'aria-pressed': 'false' }, el('code', { text: loss.id }))),
        el('td', { class: 'num loss-value', text: '—' }));
      // the button makes the row reachable by keyboard; its click bubbles here like a click anywhere on the row
      row.addEventListener('click', () => this.actions.toggleLoss(loss.id));
      body.append(row);
    }
  }

  lossSelection() {
    for (const r of this.$('loss-rows').children) {
      const on = r.dataset.loss === this.state.selectedLoss;
      r.classList.toggle('selected', on);
      r.querySelector('.loss-toggle')?.setAttribute('aria-pressed', String(on));
    }
  }

  /** Every loss's row from the last round: its value, or why it is undefined. */
  losses(all) {
    for (const loss of this.state.losses) this.loss(loss.id, this.state.lossResults.get(loss.id) ?? all);
  }

  loss(id, result) {
    const row = document.querySelector(`#loss-rows tr[data-loss="${CSS.escape(id)}"]`);
    if (!row) return;
    const cell = row.querySelector('.loss-value');
    const shown = describeLossOutcome(result);
    const noLabels = this.state.labels.size === 0;
    cell.className = `num loss-value ${shown.state === 'value' ? '' : shown.state}`;
    clear(cell);
    cell.append(el('span', { class: 'loss-number', text: noLabels ? '—' : shown.text }));
    if (shown.state !== 'value' && !noLabels) cell.append(el('span', { class: 'loss-reason', text: shown.detail }));
    cell.title = shown.detail;
  }

  lossExplanation() {
    const { $, t, state } = this;
    const box = $('loss-explanation');
    // Shown with seed-sigmoid-bce selected: it reads the raw dot products in that loss's pair contributions.
    const detail = state.selectedLoss === 'seed-sigmoid-bce' ? state.lossDetail : null;
    const result = detail?.loss === 'seed-sigmoid-bce' ? detail.result : null;
    const why = result?.ok ? sigmoidBceExplanation(result.body) : null;
    box.hidden = !why;
    if (why) setText(box, t(...explanationMessage(why, result.body.value)));
  }

  metrics(result) {
    const { $, t, state } = this;
    const m = result.ok ? result.body : null;
    setText($('m-pairs'), m ? `${m.pairs}` : String(state.labels.size || '—'));
    if (m) $('m-pairs').append(el('small', { text: t('metrics.positivesNegatives', m.positives, m.negatives) }));
    setText($('m-auc'), fixed3(m?.rocAuc));
    setText($('m-ap'), fixed3(m?.averagePrecision));
    setText($('m-accuracy'), fixed3(m?.accuracy));
    if (m && Number.isFinite(m.accuracyThreshold)) $('m-accuracy').append(el('small', { text: t('metrics.at', m.accuracyThreshold.toFixed(3)) }));
    setText($('m-f1'), fixed3(m?.f1));
    if (m && Number.isFinite(m.f1Threshold)) {
      $('m-f1').append(el('small', { text: t('metrics.f1At', m.f1Threshold.toFixed(3), fixed3(m.precision), fixed3(m.recall)) }));
    }
    setText($('metrics-note'), m ? '' : result.problem?.detail ?? '');
  }
}

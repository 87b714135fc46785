// The side panels of the dataset page: tooltip, selected pair, pair queue, losses, metrics and
// charts. Each render reads the page state and writes text through textContent; clicks call back into the page.

import { histogram, rocCurve } from './charts.js';
import { describeLossOutcome, sigmoidBceExplanation, formatValue } from './losses.js';
import { el, clear, setText } from './dom.js';

const markClass = (label) => `mark ${label === 1 ? 'pos' : label === -1 ? 'neg' : ''}`;
const fixed3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '—');

export class Panels {
  /** page: {$, t, state, actions: {select(i, j), toggleLoss(id)}} */
  constructor({ $, t, state, actions }) {
    this.$ = $;
    this.t = t;
    this.state = state;
    this.actions = actions;
    this.charts = {};
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
    const value = t(state.valueKey, state.matrix.atCell(cell.row, cell.col).toFixed(3));
    const level = state.matrix.tiled ? state.matrix.levelAt(cell.row, cell.col) : null;
    // a tiled heatmap shows a pair's cosine once its finest tile is loaded, a block's mean before
    setText($('tooltip-similarity'), level === null || level === state.matrix.finest ? value
      : `${value} (${t('tiles.block', 2 ** (state.matrix.finest - level))})`);
    const mark = $('tooltip-label');
    setText(mark, cell.i === cell.j ? '' : label === 1 ? t('label.similar') : label === -1 ? t('label.dissimilar') : '');
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
    setText(labelNode, t(diagonal ? 'selection.diagonal' : label === 1 ? 'selection.similar' : label === -1 ? 'selection.dissimilar' : 'selection.none'));
    labelNode.className = markClass(label);
    $('sel-similar').disabled = diagonal;
    $('sel-dissimilar').disabled = diagonal;
    $('sel-clear').disabled = diagonal || label === 0;
  }

  /** The queue card for its current pair (or "done"), with the threshold it ranks around. */
  queue(current, threshold) {
    const { $, t, state } = this;
    $('queue-done').hidden = !!current;
    for (const id of ['queue-similar', 'queue-dissimilar', 'queue-skip']) $(id).disabled = !current;
    if (current) {
      const { i, j, similarity, reason } = current;
      setText($('queue-reason'), reason === 'implied' ? t('queue.implied', current.path.map((k) => `#${k}`).join(' ~ ')) : t(`queue.${reason}`));
      setText($('queue-i'), `#${i}`);
      setText($('queue-a'), state.sentences[i] ?? '');
      setText($('queue-j'), `#${j}`);
      setText($('queue-b'), state.sentences[j] ?? '');
      setText($('queue-similarity'), similarity.toFixed(3));
    } else {
      for (const id of ['queue-reason', 'queue-i', 'queue-a', 'queue-j', 'queue-b', 'queue-similarity']) setText($(id), '');
    }
    this.queueThreshold(threshold);
  }

  queueThreshold(threshold) {
    setText(this.$('queue-threshold'), threshold.toFixed(3));
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

  skips(count) {
    setText(this.$('queue-skips'), count ? this.t('queue.skips', count) : '');
    this.$('queue-forget').hidden = !count;
  }

  /** The keyboard cursor's cell, read out by screen readers (aria-live) and shown under the heatmap. */
  cursor(cell) {
    const { $, t, state } = this;
    if (!cell) {
      setText($('cursor-info'), '');
      return;
    }
    const label = cell.i === cell.j ? 0 : state.labels.get(cell.i, cell.j);
    const said = label === 1 ? t('cursor.similar') : label === -1 ? t('cursor.dissimilar') : '';
    const value = t(state.valueKey, state.matrix.atCell(cell.row, cell.col).toFixed(3));
    setText($('cursor-info'), t('cursor', cell.i, cell.j, value, said));
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
    if (!why) return;
    const text = why.kind === 'saturated' ? t('sigmoid.saturated', why.saturated, why.pairs)
      : why.kind === 'narrow' ? t('sigmoid.narrow', why.maxAbs.toFixed(2), why.floor.toFixed(3))
        : t('sigmoid.high', formatValue(result.body.value), why.maxAbs.toFixed(2));
    setText(box, text);
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

  /** Histogram of labelled pairs' cosines by label, and the ROC curve of the cosine (Chart.js). */
  drawCharts() {
    const { $, t, state } = this;
    const Chart = window.Chart;
    if (!Chart || !state.matrix) return;
    const pos = [];
    const neg = [];
    for (const { i, j, label } of state.labels.all()) (label === 1 ? pos : neg).push(state.matrix.at(i, j));
    const range = { min: Math.floor(state.dataDomain.lo * 10) / 10, max: 1, count: 24 };
    const hp = histogram(pos, range);
    const hn = histogram(neg, range);
    const histData = {
      labels: hp.edges.slice(0, -1).map((e, k) => ((e + hp.edges[k + 1]) / 2).toFixed(2)),
      datasets: [
        { label: t('chart.similar'), data: hp.counts, backgroundColor: 'rgba(0, 114, 178, 0.7)' },
        { label: t('chart.dissimilar'), data: hn.counts, backgroundColor: 'rgba(230, 159, 0, 0.7)' },
      ],
    };
    const roc = rocCurve([...pos, ...neg], [...pos.map(() => 1), ...neg.map(() => -1)]);
    const rocData = {
      datasets: [
        { label: roc.auc === null ? t('chart.rocNeedsBoth') : t('chart.rocAuc', roc.auc.toFixed(3)), data: roc.points.map((p) => ({ x: p.fpr, y: p.tpr })),
          showLine: true, borderColor: '#3b5bdb', backgroundColor: '#3b5bdb', pointRadius: 2 },
        { label: t('chart.chance'), data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, borderColor: '#c5cad3', borderDash: [4, 4], pointRadius: 0 },
      ],
    };
    if (this.charts.histogram) {
      this.charts.histogram.data = histData;
      this.charts.histogram.update();
      this.charts.roc.data = rocData;
      this.charts.roc.update();
      return;
    }
    const chartOptions = (title, scales) => ({ animation: false, maintainAspectRatio: false, plugins: { title: { display: true, text: title } }, scales });
    this.charts.histogram = new Chart($('histogram-chart'), {
      type: 'bar',
      data: histData,
      options: chartOptions(t('chart.histogram'), {
        x: { stacked: false, title: { display: true, text: t('chart.cosine') }, ticks: { maxTicksLimit: 8 } },
        y: { beginAtZero: true, title: { display: true, text: t('chart.pairs') }, ticks: { precision: 0 } } }),
    });
    this.charts.roc = new Chart($('roc-chart'), {
      type: 'scatter',
      data: rocData,
      options: chartOptions(t('chart.roc'), {
        x: { min: 0, max: 1, title: { display: true, text: t('chart.fpr') } },
        y: { min: 0, max: 1, title: { display: true, text: t('chart.tpr') } } }),
    });
  }
}

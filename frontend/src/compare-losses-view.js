// Compare losses: one adapter per loss with the Train panel's settings and the same split (same seed), polled
// into a table of best step and validation ROC-AUC and AP before and after, with the last mean norm; the best loss
// is marked and a best step of 0 explained. A failure to start stays shown until the user dismisses it.

import { trainingRequest, compareName, isCompareName, compareRows, compareNotes, isActive, formatMetric } from './training.js';
import { getJson, sendJson } from './api.js';
import { setText, dismissable } from './dom.js';

export class CompareLosses {
  /** ended: () => called when the run's last training has ended */
  constructor({ $, t, api, datasetId, ended }) {
    this.$ = $;
    this.t = t;
    this.api = api;
    this.datasetId = datasetId;
    this.ended = ended ?? (() => {});
    this.ids = [];
    this.lossOrder = [];
    this.timer = null;
  }

  /** After a reload: shows the last run's adapters (named compare-*) and follows them while they train. */
  resume(adapters, losses) {
    this.lossOrder = losses.map((l) => l.id);
    this.ids = adapters.filter((a) => isCompareName(a.name)).map((a) => a.id);
    if (!this.ids.length) return;
    this.render(adapters);
    if (adapters.some((a) => this.ids.includes(a.id) && isActive(a))) this.poll();
  }

  async start(losses, settings) {
    const { $, t } = this;
    this.failure ??= dismissable($, 'compare-error');
    this.failure.hide();
    this.lossOrder = losses.map((l) => l.id);
    const taken = (await getJson(`${this.api}/adapters`)).map((a) => a.name);
    const ids = [];
    for (const loss of losses) {
      const name = compareName(this.datasetId, loss.id, taken);
      taken.push(name);
      const checked = trainingRequest({ name, loss: loss.id, ...settings });
      if (checked.errors) {
        this.failure.show(checked.errors.map((e) => t(`train.error.${e.field}`)).join(' '));
        return;
      }
      try {
        ids.push((await sendJson('POST', `${this.api}/adapters`, checked.body)).id);
      } catch (e) {
        this.failure.show(t('train.compare.failedToStart', loss.id, e.message));
        break;
      }
    }
    if (!ids.length) return;
    this.ids = ids;
    this.poll();
  }

  poll() {
    clearTimeout(this.timer);
    const tick = async () => {
      const adapters = await getJson(`${this.api}/adapters`);
      this.render(adapters);
      if (adapters.some((a) => this.ids.includes(a.id) && isActive(a))) this.timer = setTimeout(tick, 1000);
      else this.ended();
    };
    tick();
  }

  render(adapters) {
    const { $, t } = this;
    const rows = compareRows(adapters.filter((a) => this.ids.includes(a.id)), this.lossOrder);
    $('compare-table').hidden = rows.length === 0;
    $('compare-body').replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.loss = r.loss;
      if (r.best) {
        tr.classList.add('best');
        tr.dataset.best = 'true';
      }
      const loss = r.best ? `${r.loss} ${t('train.compare.bestMark')}` : r.loss;
      const bestStep = r.status === 'done' && r.bestStep === 0 ? t('train.compare.stepZero') : r.bestStep ?? '—';
      for (const text of [loss, t(`train.status.short.${r.status}`), bestStep, formatMetric(r.aucBefore),
        formatMetric(r.aucAfter), formatMetric(r.apBefore), formatMetric(r.apAfter), formatMetric(r.meanNorm)]) {
        const td = document.createElement('td');
        td.textContent = String(text);
        tr.append(td);
      }
      return tr;
    }));
    const done = rows.filter((r) => r.status === 'done').length;
    setText($('compare-status'), rows.length ? t('train.compare.progress', done, rows.length) : '');
    setText($('compare-notes'), compareNotes(rows).map(([key, ...args]) => t(key, ...args)).join(' '));
  }
}

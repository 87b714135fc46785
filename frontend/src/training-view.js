// The Train panel's DOM layer: fills the form, starts and cancels trainings, follows the event stream into a
// Chart.js curve and before/after metrics (training-results-view.js), switches the heatmap between base, adapter and difference; compare-losses
// lives in compare-losses-view.js. The logic it relies on lives in training.js (tested with node).

import { trainingRequest, defaultName, isCompareName, current, isActive, adapterExportPath, RANKS } from './training.js';
import { CompareLosses } from './compare-losses-view.js';
import { TrainingResults } from './training-results-view.js';
import { inOrderOf, differenceMatrix } from './matrix.js';
import { getJson, sendJson, request, fetchSimilarity } from './api.js';
import { setText, dismissable } from './dom.js';

export class TrainPanel {
  /**
   * @param page.baseMatrix () => the page's base matrix in its current order
   * @param page.show ({matrix, colours, maxAbs}) => draws a matrix on the heatmap (null restores the base)
   * @param page.error (text) => shows an error banner
   * @param page.adaptersChanged () => a training ended: a new adapter may be a model to pick elsewhere
   */
  constructor({ $, t, datasetId, page }) {
    this.$ = $;
    this.t = t;
    this.datasetId = datasetId;
    this.api = `/api/datasets/${encodeURIComponent(datasetId)}`;
    this.page = page;
    this.adapter = null;
    this.stream = null;
    this.adapterMatrix = null;
    this.view = 'base';
    this.losses = [];
    this.results = new TrainingResults({ $, t });
    this.comparison = new CompareLosses({ $, t, api: this.api, datasetId, ended: () => page.adaptersChanged?.() });
  }

  async init(losses) {
    const { $, t } = this;
    this.losses = losses;
    this.failure = dismissable($, 'train-error');
    const select = $('train-loss');
    select.replaceChildren(...losses.map((l) => new Option(l.id, l.id)));
    select.value = losses.some((l) => l.id === 'cosent') ? 'cosent' : losses[0]?.id ?? '';
    $('train-rank').replaceChildren(...RANKS.map((r) => new Option(t(`train.rank.${r}`) ?? r, r)));
    select.addEventListener('change', () => this.advise());
    this.advise();
    $('train-start').addEventListener('click', () => this.start());
    $('train-cancel').addEventListener('click', () => this.cancel());
    $('compare-start').addEventListener('click', () => this.comparison.start(this.losses, this.settings()));
    for (const button of document.querySelectorAll('[data-adapter-view]')) {
      button.addEventListener('click', () => this.switchView(button.dataset.adapterView));
    }
    const adapters = await getJson(`${this.api}/adapters`);
    this.taken = adapters.map((a) => a.name);
    this.proposeName(true);
    select.addEventListener('change', () => this.proposeName(false));
    const shown = current(adapters.filter((a) => !isCompareName(a.name)));
    if (shown) this.showAdapter(shown);
    this.comparison.resume(adapters, losses);
  }

  /** The form's settings, for a compare-losses run. */
  settings() {
    const { $ } = this;
    return { rank: $('train-rank').value, steps: $('train-steps').value, learningRate: $('train-rate').value,
      validationShare: $('train-share').value };
  }

  /** Proposes the default name for the chosen loss, unless the user typed a name of their own. */
  proposeName(always) {
    const field = this.$('train-name');
    if (!always && field.value !== this.proposed) return;
    this.proposed = defaultName(this.datasetId, this.$('train-loss').value, this.taken ?? []);
    field.value = this.proposed;
  }

  advise() {
    const id = this.$('train-loss').value;
    setText(this.$('train-advice'), this.t(`train.advice.${id}`));
  }

  async start() {
    const { $, t } = this;
    const form = { name: $('train-name').value, loss: $('train-loss').value, rank: $('train-rank').value,
      steps: $('train-steps').value, learningRate: $('train-rate').value, validationShare: $('train-share').value };
    const checked = trainingRequest(form);
    this.failure.hide();
    if (checked.errors) {
      this.failure.show(checked.errors.map((e) => t(`train.error.${e.field}`)).join(' '));
      return;
    }
    $('train-start').disabled = true;
    try {
      const adapter = await sendJson('POST', `${this.api}/adapters`, checked.body);
      this.showAdapter(adapter);
      this.taken = (await getJson(`${this.api}/adapters`)).map((a) => a.name);
      this.proposeName(true);
    } catch (e) {
      this.failure.show(t('train.failedToStart', e.message));
      $('train-start').disabled = false;
    }
  }

  async cancel() {
    if (!this.adapter || !isActive(this.adapter)) return;
    try {
      await request(`/api/adapters/${this.adapter.id}`, { method: 'DELETE' });
    } catch (e) {
      this.page.error(this.t('train.cancelFailed', e.message));
    }
  }

  /** Shows an adapter and, while it may change, follows its event stream. */
  showAdapter(adapter) {
    this.stream?.close();
    this.adapter = adapter;
    this.adapterMatrix = null;
    if (this.view !== 'base') this.switchView('base');
    this.render(adapter);
    if (!isActive(adapter)) return;
    const stream = new EventSource(`/api/adapters/${adapter.id}/events`);
    this.stream = stream;
    const update = (event) => {
      const next = JSON.parse(event.data);
      if (next.id === this.adapter?.id) {
        this.adapter = next;
        this.render(next);
      }
    };
    stream.addEventListener('progress', update);
    stream.addEventListener('end', async (event) => {
      update(event);
      stream.close();
      // The end event may come before the final row is read back; the stored adapter is the truth.
      const stored = await getJson(`/api/adapters/${adapter.id}`);
      if (stored.id === this.adapter?.id) {
        this.adapter = stored;
        this.render(stored);
      }
      this.page.adaptersChanged?.();
    });
    stream.onerror = () => { if (stream.readyState === EventSource.CLOSED) this.stream = null; };
  }

  render(adapter) {
    const { $, t } = this;
    const running = isActive(adapter);
    $('train-start').disabled = running;
    $('train-cancel').disabled = !running;
    const status = t(`train.status.${adapter.status}`, adapter.model, adapter.step, adapter.steps, adapter.bestStep ?? '—');
    setText($('train-status'), adapter.failure ? `${status} ${adapter.failure}` : status);
    $('train-status').dataset.status = adapter.status;
    setText($('train-split'), t('train.split', adapter.split.trainPairs, adapter.split.validationPairs, adapter.split.leftOutPairs));
    const caution = adapter.caution;
    $('train-caution').hidden = !caution;
    setText($('train-caution'), caution ? t('train.caution', caution.positives ?? '?', caution.negatives ?? '?',
      caution.validationPairs, caution.minimumPerClass) : '');
    this.results.drawCurve(adapter.curve);
    this.results.renderMetrics(adapter);
    $('adapter-view').hidden = adapter.status !== 'done';
    $('adapter-export').hidden = adapter.status !== 'done';
    $('adapter-export-link').href = adapterExportPath(adapter);
  }

  /** Base, adapter or difference (adapter − base) in the page's current order, label marks kept. */
  async switchView(kind) {
    const { t } = this;
    this.pressView(kind);
    if (kind === 'base' || !this.adapter) {
      this.page.show(null);
      document.body.dataset.heatmapView = 'base';
      return;
    }
    try {
      // a tiled page draws the adapter's view from tiles (refreshView) and fetches no whole matrix
      if (!this.adapterMatrix && !this.page.baseMatrix().tiled) {
        this.adapterMatrix = await fetchSimilarity(this.api, { model: this.adapter.model });
      }
      this.refreshView();
    } catch (e) {
      this.page.error(t('train.viewFailed', e.message));
    }
  }

  /** Another panel took the heatmap: the switch goes back to base without redrawing. */
  resetView() {
    this.pressView('base');
    document.body.dataset.heatmapView = 'base';
  }

  pressView(kind) {
    this.view = kind;
    for (const b of document.querySelectorAll('[data-adapter-view]')) {
      b.classList.toggle('active', b.dataset.adapterView === kind);
      b.setAttribute('aria-pressed', String(b.dataset.adapterView === kind));
    }
  }

  /** Redraws the chosen view after the page's order changed. */
  async refreshView() {
    if (this.view === 'base' || !this.adapter) return;
    const base = this.page.baseMatrix();
    if (base.tiled) {
      const adapter = { model: this.adapter.model, sign: 1 };
      const difference = this.view !== 'adapter';
      const matrix = await this.page.tiledView(difference ? [adapter, { model: null, sign: -1 }] : [adapter]);
      this.page.show(difference
        ? { matrix, colours: 'diverging', maxAbs: matrix.maxAbs || 1, valueKey: 'value.adapterDifference',
          caption: { kind: 'adapterDifference', model: this.adapter.model, base: this.adapter.base } }
        : { matrix, colours: 'sequential', valueKey: 'value.adapter', caption: { kind: 'adapter', model: this.adapter.model } });
      document.body.dataset.heatmapView = this.view;
      return;
    }
    if (!this.adapterMatrix) return;
    if (this.view === 'adapter') {
      this.page.show({ matrix: inOrderOf(this.adapterMatrix, base), colours: 'sequential', valueKey: 'value.adapter',
        caption: { kind: 'adapter', model: this.adapter.model } });
    } else {
      const { matrix, maxAbs } = differenceMatrix(base, this.adapterMatrix);
      this.page.show({ matrix, colours: 'diverging', maxAbs, valueKey: 'value.adapterDifference',
        caption: { kind: 'adapterDifference', model: this.adapter.model, base: this.adapter.base } });
    }
    document.body.dataset.heatmapView = this.view;
  }
}

// The losses and metrics of the labelled pairs (no DOM): one call gives every loss, one the metrics, and a third the
// selected loss's per-pair contributions while a loss is selected. Answers of an older round are dropped. With no
// labels nothing is asked and each reads "needs labels".

import { lossOutcomes } from './losses.js';

export class Analysis {
  /**
   * api: the dataset's API base; outcome(url) answers {ok, body} or {ok: false, status, problem}; t: messages;
   * state: the page state (labels, losses, selectedLoss, lossResults, lossDetail, metrics, analysisVersion);
   * view: {busy(on), shown(metrics result, losses result), detail()}; delay: ms a burst of saves waits;
   * alongside(): what else each round refreshes (the page's consistency check).
   */
  constructor({ api, outcome, t, state, view, delay = 120, alongside = () => {} }) {
    Object.assign(this, { api, outcome, t, state, view, delay, alongside });
    this.timer = 0;
  }

  unreachable(error) {
    return { ok: false, status: 0, problem: { detail: this.t('loss.unreachable', error.message) } };
  }

  needLabels(key) {
    return { ok: false, status: 422, problem: { detail: this.t(key) } };
  }

  ask(url) {
    return this.outcome(url).catch((e) => this.unreachable(e));
  }

  /** Refreshes once a burst of label saves has settled. */
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.delay);
  }

  /** Selects a loss, or unselects it when selected already; its contributions are fetched while selected. */
  toggleLoss(id) {
    const state = this.state;
    state.selectedLoss = state.selectedLoss === id ? null : id;
    return state.selectedLoss ? this.refreshDetail(state.analysisVersion) : Promise.resolve();
  }

  /** The selected loss's per-pair contributions (its outlines, and the seed-sigmoid-bce explanation). */
  async refreshDetail(version) {
    const state = this.state;
    const id = state.selectedLoss;
    const result = state.labels.size > 0
      ? await this.ask(`${this.api}/loss?loss=${encodeURIComponent(id)}`)
      : this.needLabels('loss.needLabels');
    if (version !== state.analysisVersion || id !== state.selectedLoss) return;
    state.lossDetail = { loss: id, result };
    this.view.detail();
  }

  /** Every loss and the metrics, anew; resolves with the round's version once shown (or dropped). */
  async refresh() {
    const state = this.state;
    const version = ++state.analysisVersion;
    this.view.busy(true);
    this.alongside();
    const hasLabels = state.labels.size > 0;
    const [losses, metrics] = await Promise.all([
      hasLabels ? this.ask(`${this.api}/losses`) : this.needLabels('loss.needLabels'),
      hasLabels ? this.ask(`${this.api}/metrics`) : this.needLabels('metrics.needLabels'),
      state.selectedLoss ? this.refreshDetail(version) : null,
    ]);
    if (version !== state.analysisVersion) return version;
    state.lossResults = lossOutcomes(losses, state.losses.map((loss) => loss.id));
    state.metrics = metrics.ok ? metrics.body : null;
    this.view.busy(false);
    this.view.shown(metrics, losses);
    return version;
  }
}

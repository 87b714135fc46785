// The Compare panel's DOM layer: four model pickers (A, B, optional C and D) grouped by dataset and refreshed when
// a training ends, the side-by-side table, the heatmap
// switch to B − A, and the disagreement list whose + and − buttons label a pair through the page's label path.
// The logic it relies on lives in compare.js and matrix.js (tested with node).

import { selectionProblem, picked, defaultPicks, pickerGroups, keptPick, comparisonPath, comparisonTable, disagreementItems, toggledLabel,
  modelDifference } from './compare.js';
import { getJson, fetchSimilarity } from './api.js';
import { el, clear, setText } from './dom.js';

const PICKERS = 4;

export class ComparePanel {
  /**
   * @param page.sentences () => the sentence texts
   * @param page.labelOf (i, j) => the pair's label: +1, −1 or 0
   * @param page.setLabel (i, j, label) => labels a pair as the heatmap does (saved in order, marks updated)
   * @param page.jump (i, j) => shows the pair on the heatmap
   * @param page.baseMatrix () => the page's own matrix in its current order
   * @param page.show ({matrix, colours, maxAbs, caption}) => draws a matrix on the heatmap (null restores the page's)
   * @param page.error (text) => shows an error banner
   */
  constructor({ $, t, datasetId, page }) {
    this.$ = $;
    this.t = t;
    this.datasetId = datasetId;
    this.page = page;
    this.comparison = null;
    this.matrices = {};
    this.view = 'base';
  }

  async init(datasetModel) {
    const { $, t } = this;
    this.datasetModel = datasetModel;
    $('comparison-run').addEventListener('click', () => this.run());
    for (const button of document.querySelectorAll('[data-comparison-view]')) {
      button.addEventListener('click', () => this.switchView(button.dataset.comparisonView));
    }
    await this.refreshModels(true);
    $('comparison-run').disabled = false;
  }

  /**
   * Fills the pickers from the catalogue, grouped by dataset with this dataset's adapters first; after the first
   * fill each picker keeps its choice while that model is still there.
   */
  async refreshModels(first = false) {
    const { $, t } = this;
    const [models, datasets] = await Promise.all([getJson('/api/models'), getJson('/api/datasets')]);
    const ids = models.map((m) => m.id);
    const picks = defaultPicks(ids, this.datasetModel);
    const groups = pickerGroups(models, datasets, this.datasetId);
    for (let k = 0; k < PICKERS; k++) {
      const select = $(`comparison-model-${k}`);
      const previous = first ? null : select.value;
      const options = k < 2 ? [] : [new Option(t('compare.none'), '')];
      select.replaceChildren(...options, ...groups.map((g) => el('optgroup', { label: t(...g.label) },
        ...g.ids.map((id) => new Option(id, id)))));
      select.value = first ? picks[k] ?? '' : keptPick(previous, ids, k < 2 ? picks[k] ?? '' : '');
    }
    $('comparison-panel').dataset.models = String(ids.length);
  }

  async run() {
    const { $, t } = this;
    const models = picked([...Array(PICKERS).keys()].map((k) => $(`comparison-model-${k}`).value));
    const problem = selectionProblem(models);
    if (problem) {
      setText($('comparison-status'), t(problem));
      return;
    }
    $('comparison-run').disabled = true;
    setText($('comparison-status'), t('compare.running', models.join(', ')));
    try {
      this.comparison = await getJson(comparisonPath(encodeURIComponent(this.datasetId), models));
      this.matrices = {};
      setText($('comparison-status'), '');
      if (this.view !== 'base') this.switchView('difference');
      $('comparison-stale').hidden = true;
      this.render();
    } catch (e) {
      setText($('comparison-status'), t('compare.failed', e.message));
    } finally {
      $('comparison-run').disabled = false;
    }
  }

  render() {
    const { $, t, comparison } = this;
    const table = comparisonTable(comparison, t);
    $('comparison-head').replaceChildren(el('th', { scope: 'col', text: t('compare.metric') }),
      ...table.headers.map((id, k) => el('th', { scope: 'col', class: 'num', text: `${String.fromCharCode(65 + k)}: ${id}` })));
    $('comparison-rows').replaceChildren(...table.rows.map((row) => el('tr', {},
      el('th', { scope: 'row', text: row.label }),
      ...row.cells.map((text, k) => el('td', { class: k === row.best ? 'num best' : 'num', text,
        title: k === row.best ? t('compare.best') : null })))));
    setText($('comparison-pairs'), t('compare.pairs', comparison.pairsCompared));
    const [a, b] = table.headers;
    setText($('comparison-disagreements-intro'), t('compare.disagreements.intro', a, b));
    $('comparison-result').hidden = false;
    $('comparison-result').dataset.models = table.headers.join(',');
    this.renderDisagreements();
  }

  renderDisagreements() {
    const { $, t, comparison, page } = this;
    const [a, b] = comparison.models.map((m) => m.model);
    const items = disagreementItems(comparison, page.sentences(), page.labelOf);
    const list = clear($('comparison-disagreements'));
    for (const item of items) {
      const pair = `${Math.min(item.i, item.j)},${Math.max(item.i, item.j)}`;
      const button = (label, cls, text) => el('button', { type: 'button', class: `btn btn-small ${cls}`,
        'aria-pressed': String(item.label === label), text,
        'aria-label': t('compare.labelPair', text, item.i, item.j),
        onclick: () => page.setLabel(item.i, item.j, toggledLabel(page.labelOf(item.i, item.j) || 0, label)) });
      list.append(el('li', { 'data-pair': pair, 'data-label': String(item.label) },
        el('p', { class: 'sentence' }, el('span', { class: 'idx', text: `#${item.i}` }), ' ', item.first),
        el('p', { class: 'sentence' }, el('span', { class: 'idx', text: `#${item.j}` }), ' ', item.second),
        el('p', { class: 'small muted', text: t('compare.disagreement', a, item.cosines[0], b, item.cosines[1],
          item.higherUnder, item.rankDifference) }),
        el('div', { class: 'button-row' },
          button(1, 'btn-pos disagreement-similar', t('label.similar')),
          button(-1, 'btn-neg disagreement-dissimilar', t('label.dissimilar')),
          el('button', { type: 'button', class: 'btn btn-small disagreement-show', text: t('compare.show'),
            'aria-label': t('review.action', t('compare.show'), item.i, item.j),
            onclick: () => page.jump(item.i, item.j) }))));
    }
    setText($('comparison-disagreements-count'), items.length ? '' : t('compare.disagreements.none'));
  }

  /** The heatmap shows the page's own matrix ('base') or B − A ('difference') in the page's current order. */
  async switchView(kind) {
    this.pressView(kind);
    if (kind === 'base' || !this.comparison) {
      this.page.show(null);
      return;
    }
    const [a, b] = this.comparison.models.map((m) => m.model);
    try {
      setText(this.$('comparison-status'), this.t('compare.loadingMatrices', a, b));
      // a tiled page draws B − A from the two models' tiles (refreshView) and fetches no whole matrix
      for (const model of this.page.baseMatrix().tiled ? [] : [a, b]) {
        if (this.matrices[model]) continue;
        this.matrices[model] = model === this.datasetModel ? this.page.baseMatrix()
          : await fetchSimilarity(`/api/datasets/${encodeURIComponent(this.datasetId)}`, { model });
      }
      setText(this.$('comparison-status'), '');
      this.refreshView();
    } catch (e) {
      setText(this.$('comparison-status'), '');
      this.page.error(this.t('compare.viewFailed', e.message));
    }
  }

  /** Redraws B − A after the page's order changed (or the switch was turned to it). */
  async refreshView() {
    const [a, b] = this.comparison?.models.map((m) => m.model) ?? [];
    if (this.view !== 'difference') return;
    const tiled = this.page.baseMatrix().tiled;
    if (!tiled && (!this.matrices[a] || !this.matrices[b])) return;
    const { matrix, maxAbs } = tiled
      ? await this.page.tiledView([{ model: b, sign: 1 }, { model: a, sign: -1 }]).then((m) => ({ matrix: m, maxAbs: m.maxAbs || 1 }))
      : modelDifference(this.page.baseMatrix(), this.matrices[a], this.matrices[b]);
    this.page.show({ matrix, colours: 'diverging', maxAbs, valueKey: 'value.modelDifference',
      caption: { kind: 'modelDifference', a, b } });
    const heatmap = this.$('heatmap');
    heatmap.dataset.difference = `${b} - ${a}`;
    heatmap.dataset.maxAbs = String(maxAbs);
  }

  /** Another panel took the heatmap: the switch goes back to base without redrawing. */
  resetView() {
    this.pressView('base');
  }

  pressView(kind) {
    this.view = kind;
    for (const b of document.querySelectorAll('[data-comparison-view]')) {
      b.classList.toggle('active', b.dataset.comparisonView === kind);
      b.setAttribute('aria-pressed', String(b.dataset.comparisonView === kind));
    }
    if (kind === 'base') delete this.$('heatmap').dataset.difference;
  }

  /**
   * Labels changed on the page: the list shows them, in place so a focused button keeps the focus, and the table
   * says it predates them.
   */
  labelsChanged() {
    if (!this.comparison) return;
    this.$('comparison-stale').hidden = false;
    for (const li of this.$('comparison-disagreements').children) {
      const [i, j] = li.dataset.pair.split(',').map(Number);
      const label = this.page.labelOf(i, j) || 0;
      li.dataset.label = String(label);
      li.querySelector('.disagreement-similar').setAttribute('aria-pressed', String(label === 1));
      li.querySelector('.disagreement-dissimilar').setAttribute('aria-pressed', String(label === -1));
    }
  }
}

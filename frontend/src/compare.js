// Logic of the Compare panel: the model choice, the side-by-side table, the difference matrix B − A and the
// disagreement list. The DOM layer only renders what these functions return.

import { inOrderOf, differenceMatrix } from './matrix.js';

/** Checks a choice of models as the API will: 2 to 4 distinct ids. Returns a js.* message key, or null when fine. */
export function selectionProblem(models) {
  const ids = picked(models);
  if (ids.length < 2) return 'compare.pickTwo';
  if (ids.length > 4) return 'compare.pickAtMostFour';
  if (new Set(ids).size !== ids.length) return 'compare.pickOnce';
  return null;
}

/** The ids of the model pickers, blanks (an unused C or D) left out, in picker order: A first. */
export function picked(values) {
  return values.map((m) => String(m ?? '').trim()).filter((m) => m.length > 0);
}

/** The first choice: A is the dataset's model, B the next catalogue model that is not A. */
export function defaultPicks(modelIds, datasetModel) {
  const first = modelIds.includes(datasetModel) ? datasetModel : modelIds[0];
  return [first, modelIds.find((id) => id !== first) ?? ''];
}

/**
 * The pickers' option groups: this dataset's adapters first, then the built-in models, then each other dataset's
 * adapters (newest dataset first), then adapters whose dataset is gone. Each group is {label: [js.* key, ...args],
 * ids}; empty groups are left out.
 *
 * @param models    GET /api/models: {id, adapter, datasetId}
 * @param datasets  GET /api/datasets: {id, name}
 * @param datasetId the page's dataset
 */
export function pickerGroups(models, datasets, datasetId) {
  const here = Number(datasetId);
  const names = new Map(datasets.map((d) => [Number(d.id), d.name]));
  const adapters = (id) => models.filter((m) => m.adapter && (m.datasetId ?? null) === id).map((m) => m.id);
  const others = [...new Set(models.filter((m) => m.adapter && m.datasetId != null && Number(m.datasetId) !== here)
    .map((m) => Number(m.datasetId)))].sort((a, b) => b - a);
  const groups = [
    { label: ['compare.group.thisDataset', here], ids: adapters(here) },
    { label: ['compare.group.builtIn'], ids: models.filter((m) => !m.adapter).map((m) => m.id) },
    ...others.map((id) => ({ label: ['compare.group.dataset', id, names.get(id) ?? '?'], ids: adapters(id) })),
    { label: ['compare.group.noDataset'], ids: adapters(null) },
  ];
  return groups.filter((g) => g.ids.length > 0);
}

/** A picker's value after its options changed: the same model when it is still there, else the fallback. */
export function keptPick(previous, ids, fallback) {
  return previous && ids.includes(previous) ? previous : fallback;
}

/** The label a click on a disagreement's + or − button gives: that label, or none when the pair has it already. */
export function toggledLabel(current, clicked) {
  return current === clicked ? 0 : clicked;
}

/** The query of GET /api/datasets/{id}/comparison for these models. */
export function comparisonPath(datasetId, models) {
  return `/api/datasets/${datasetId}/comparison?models=${models.map(encodeURIComponent).join(',')}`;
}

// [field, js.* message key of the row, whether a higher value is better and marked]
const METRIC_ROWS = [
  ['rocAuc', 'compare.row.rocAuc', true],
  ['averagePrecision', 'compare.row.averagePrecision', true],
  ['accuracy', 'compare.row.accuracy', true],
  ['f1', 'compare.row.f1', true],
  ['spearmanWithFirst', 'compare.row.spearman', false],
];

function formatted(value, digits = 4) {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

/**
 * Table rows: one per metric and one per loss, each with a text per model, the row's name through `t` (the page's
 * message formatter). `best` is the index of the model with the highest value for a metric where higher is better
 * (lowest for a loss), or -1 when there is no single one.
 */
export function comparisonTable(comparison, t) {
  const models = comparison.models;
  const rows = [];
  for (const [key, label, ranked] of METRIC_ROWS) {
    const values = models.map((m) => (key === 'spearmanWithFirst' ? m.spearmanWithFirst : m.metrics[key]));
    rows.push({ label: t(label), cells: values.map((v) => formatted(v)), best: ranked ? bestIndex(values, 1) : -1 });
  }
  rows.push({ label: t('compare.row.pairs'), cells: models.map((m) => String(m.metrics.pairs)), best: -1 });
  const losses = models[0]?.losses.losses ?? [];
  losses.forEach((loss, k) => {
    const values = models.map((m) => m.losses.losses[k].value);
    rows.push({
      label: t('compare.row.loss', loss.loss),
      cells: values.map((v, m) => (v === null ? t('compare.undefined', models[m].losses.losses[k].undefinedReason)
        : formatted(v))),
      best: bestIndex(values, -1),
    });
  });
  return { headers: models.map((m) => m.model), rows };
}

function bestIndex(raw, sign) {
  // compared as shown (4 decimals): a difference the table cannot show is a tie, not a winner
  const values = raw.map((v) => (v === null || v === undefined ? v : Number(v.toFixed(4))));
  let best = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    if (best < 0 || sign * v > sign * values[best]) best = k;
  }
  const ties = values.filter((v) => best >= 0 && v === values[best]).length;
  return ties === 1 ? best : -1;
}

/**
 * B − A in the order of `base` (the page's matrix in its current order), whatever orders A and B came in, with
 * max|Δ| off the diagonal for the diverging scale's ±range.
 */
export function modelDifference(base, a, b) {
  return differenceMatrix(inOrderOf(a, base), b);
}

/**
 * Disagreement list entries: both sentences, each model's cosine, and which model ranks the pair higher.
 * `labelOf(i, j)` gives the pair's current label: +1, −1 or 0.
 */
export function disagreementItems(comparison, sentences, labelOf = () => 0) {
  const [first, second] = comparison.models.map((m) => m.model);
  return comparison.disagreements.map((d) => ({
    i: d.i,
    j: d.j,
    first: sentences[d.i],
    second: sentences[d.j],
    cosines: d.cosines.map((c) => formatted(c, 2)),
    higherUnder: d.rankDifference > 0 ? second : first,
    rankDifference: Math.round(Math.abs(d.rankDifference)),
    label: labelOf(d.i, d.j) || 0,
  }));
}

// Train panel logic: the request a form gives, the curve the chart draws, the before/after table and the
// compare-losses table. No DOM here. (The adapter and difference heatmaps in the page's order: matrix.js.)

/** Ranks the panel offers; any integer 1..D is accepted by the API. */
export const RANKS = ['full', 'diagonal', '8', '32'];

const NAME = /^[a-z0-9-]{1,40}$/;

/**
 * The POST body from the form's raw string values, or {errors: [{field, message}]} naming each bad field, checked
 * as the server checks them so that the user learns before a round trip.
 */
export function trainingRequest(form) {
  const errors = [];
  const name = String(form.name ?? '').trim();
  if (!NAME.test(name)) errors.push({ field: 'name', message: 'name.invalid' });
  const steps = Number(form.steps);
  if (!Number.isInteger(steps) || steps < 1 || steps > 100000) errors.push({ field: 'steps', message: 'steps.invalid' });
  const learningRate = Number(form.learningRate);
  if (!Number.isFinite(learningRate) || learningRate <= 0) errors.push({ field: 'learningRate', message: 'learningRate.invalid' });
  const share = Number(form.validationShare);
  if (!Number.isFinite(share) || share <= 0 || share >= 1) errors.push({ field: 'validationShare', message: 'validationShare.invalid' });
  const rank = String(form.rank ?? 'full');
  const rankValue = rank === 'full' || rank === 'diagonal' ? rank : Number(rank);
  if (typeof rankValue === 'number' && !(Number.isInteger(rankValue) && rankValue >= 1)) {
    errors.push({ field: 'rank', message: 'rank.invalid' });
  }
  if (!form.loss) errors.push({ field: 'loss', message: 'loss.missing' });
  if (errors.length) return { errors };
  return { body: { name, loss: form.loss, rank: rankValue, steps, learningRate, validationFraction: share, seed: 0 } };
}

/** A name not yet used by the dataset's adapters: the wanted one, or it with -2, -3, ... appended. */
export function freeName(wanted, taken) {
  const used = new Set(taken);
  const base = wanted.slice(0, 36);
  if (!used.has(base)) return base;
  for (let k = 2; ; k++) if (!used.has(`${base}-${k}`)) return `${base}-${k}`;
}

/**
 * The name the form proposes: the dataset id and the loss (d7-cosent). Names are unique per base model across
 * datasets, and another dataset's adapters are not in `taken`, so the dataset id keeps two datasets apart.
 */
export function defaultName(datasetId, loss, taken) {
  return freeName(`d${datasetId}-${loss}`, taken);
}

/** The name of a compare-losses adapter: d7-compare-cosent. */
export function compareName(datasetId, loss, taken) {
  return freeName(`d${datasetId}-compare-${loss}`, taken);
}

/** Whether an adapter belongs to a compare-losses run (names from before the dataset prefix included). */
export function isCompareName(name) {
  return /^(d\d+-)?compare-/.test(name ?? '');
}

/** The four series of the curve chart: step on x; losses on the left axis, ROC-AUC and mean norm on the right. */
export function curveSeries(curve) {
  const points = (key) => (curve ?? []).filter((p) => p[key] !== null && p[key] !== undefined)
    .map((p) => ({ x: p.step, y: p[key] }));
  return {
    trainLoss: points('trainLoss'),
    validationLoss: points('validationLoss'),
    validationAuc: points('validationAuc'),
    meanNorm: points('meanNorm'),
  };
}

const METRICS = ['rocAuc', 'averagePrecision', 'accuracy', 'f1'];

/** A metric's 95 % interval {low, high} from a metrics side ({rocAucLow, rocAucHigh}), or null when it has none. */
function intervalOf(side, metric) {
  const low = side?.[`${metric}Low`];
  const high = side?.[`${metric}High`];
  return Number.isFinite(low) && Number.isFinite(high) ? { low, high } : null;
}

/**
 * Rows {metric, side, before, after, change, beforeInterval, afterInterval} for the metrics the panel shows,
 * validation first; the intervals are the server's 95 % confidence intervals where it gives one (ROC-AUC).
 */
export function metricRows(before, after) {
  const rows = [];
  for (const side of ['validation', 'training']) {
    for (const metric of METRICS) {
      const b = before?.[side]?.[metric] ?? null;
      const a = after?.[side]?.[metric] ?? null;
      rows.push({ metric, side, before: b, after: a, change: a !== null && b !== null ? a - b : null,
        beforeInterval: intervalOf(before?.[side], metric), afterInterval: intervalOf(after?.[side], metric) });
    }
  }
  return rows;
}

/** " [0.61, 0.93]" after a metric, or nothing without an interval. */
export function formatInterval(interval) {
  return interval ? ` [${interval.low.toFixed(2)}, ${interval.high.toFixed(2)}]` : '';
}

/** One row per adapter of a compare-losses run, in the losses' order. */
export function compareRows(adapters, lossOrder) {
  const rank = (id) => { const k = lossOrder.indexOf(id); return k < 0 ? lossOrder.length : k; };
  return [...adapters].sort((a, b) => rank(a.loss) - rank(b.loss)).map((a) => ({
    id: a.id,
    loss: a.loss,
    status: a.status,
    bestStep: a.bestStep ?? null,
    aucBefore: a.before?.validation?.rocAuc ?? null,
    aucAfter: a.after?.validation?.rocAuc ?? null,
    apBefore: a.before?.validation?.averagePrecision ?? null,
    apAfter: a.after?.validation?.averagePrecision ?? null,
    meanNorm: a.curve?.length ? a.curve[a.curve.length - 1].meanNorm : null,
  })).map((row, k, all) => ({ ...row, best: bestRows(all).has(k) }));
}

const shownAuc = (r) => (r.status === 'done' && Number.isFinite(r.aucAfter) ? Number(r.aucAfter.toFixed(3)) : null);

/**
 * The finished rows with the highest validation ROC-AUC after training as shown (3 decimals), ties included;
 * none when every finished row ties, since then no loss did better.
 */
function bestRows(rows) {
  const values = rows.map(shownAuc);
  const done = values.filter((v) => v !== null);
  const top = Math.max(...done);
  const best = new Set(values.flatMap((v, k) => (v === top ? [k] : [])));
  return done.length > 1 && best.size === done.length ? new Set() : best;
}

/**
 * The notes under the compare-losses table, as js.* keys: which loss did best (or that all tie), and what a best
 * step of 0 means (no step beat the base model on the validation pairs, so W = I was kept).
 */
export function compareNotes(rows) {
  const notes = [];
  const best = rows.filter((r) => r.best).map((r) => r.loss);
  const done = rows.filter((r) => shownAuc(r) !== null);
  if (best.length) notes.push(['train.compare.bestLoss', best.join(', ')]);
  else if (done.length > 1) notes.push(['train.compare.allTie']);
  const kept = rows.filter((r) => r.status === 'done' && r.bestStep === 0).map((r) => r.loss);
  if (kept.length) notes.push(['train.compare.baseKept', kept.join(', ')]);
  return notes;
}

/** True while an adapter may still change (its stream is worth following). */
/** Where a finished adapter's sentence-transformers zip is downloaded (GET /api/adapters/{id}/export). */
export function adapterExportPath(adapter) {
  return `/api/adapters/${encodeURIComponent(adapter.id)}/export`;
}

export function isActive(adapter) {
  return adapter?.status === 'queued' || adapter?.status === 'running';
}

/** The adapter the panel shows after a reload: a running one first, else the most recent. */
export function current(adapters) {
  const list = adapters ?? [];
  return list.find(isActive) ?? list[list.length - 1] ?? null;
}

export function formatMetric(v) {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(3);
}

export function formatChange(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;
}

// Pure data for the metrics charts: histogram bins and ROC curve points.

/** Counts of values in `count` equal bins over [min, max]; the last bin includes max. */
export function histogram(values, { min = -1, max = 1, count = 20 } = {}) {
  const counts = new Array(count).fill(0);
  const width = (max - min) / count;
  for (const v of values) {
    if (!(v >= min && v <= max)) continue;
    counts[Math.min(count - 1, Math.floor((v - min) / width))]++;
  }
  const edges = Array.from({ length: count + 1 }, (_, k) => Number((min + k * width).toFixed(6)));
  return { counts, edges };
}

/**
 * ROC curve of scores against ±1 labels: points {fpr, tpr, threshold} from (0,0) to (1,1), one per
 * distinct score (ties move both rates at once), and the area under it by the trapezoid rule.
 */
export function rocCurve(scores, labels) {
  const pairs = scores.map((s, k) => ({ s, y: labels[k] })).sort((a, b) => b.s - a.s);
  const pos = pairs.filter((p) => p.y === 1).length;
  const neg = pairs.length - pos;
  if (pos === 0 || neg === 0) return { points: [], auc: null };
  const points = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < pairs.length; k++) {
    if (pairs[k].y === 1) tp++;
    else fp++;
    if (k === pairs.length - 1 || pairs[k + 1].s !== pairs[k].s) {
      points.push({ fpr: fp / neg, tpr: tp / pos, threshold: pairs[k].s });
    }
  }
  let auc = 0;
  for (let k = 1; k < points.length; k++) {
    auc += ((points[k].fpr - points[k - 1].fpr) * (points[k].tpr + points[k - 1].tpr)) / 2;
  }
  return { points, auc };
}

/** The labelled pairs' values in a matrix, split by label: {pos, neg}, for the histogram and the ROC curve. */
export function labelledValues(labels, matrix) {
  const pos = [];
  const neg = [];
  for (const { i, j, label } of labels) (label === 1 ? pos : neg).push(matrix.at(i, j));
  return { pos, neg };
}

/** The histogram's bins over the data's range: from its low end rounded down to a tenth, up to 1. */
export function histogramRange(domain, count = 24) {
  return { min: Math.floor(domain.lo * 10) / 10, max: 1, count };
}

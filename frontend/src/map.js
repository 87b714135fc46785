// Logic of the 2-D map: scatter points, labelled pairs as segments, colours by cluster, and hit testing. The
// Chart.js wiring lives in the page; these functions only shape data.

/** Categorical colours for clusters (Tableau 10), repeated past ten clusters. */
export const CLUSTER_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
  '#ff9da7', '#9c755f', '#bab0ac'];

/** Chart.js scatter points {x, y, index} in sentence order, from the API's [[x, y], ...]. */
export function scatterPoints(points) {
  return points.map(([x, y], index) => ({ x, y, index }));
}

/** One colour per point from its cluster. */
export function clusterColours(cluster) {
  return cluster.map((c) => CLUSTER_COLOURS[c % CLUSTER_COLOURS.length]);
}

/** The break between two segments: Chart.js parses a null coordinate as a gap (a bare null is not an object point). */
export const GAP = Object.freeze({ x: null, y: null });

/**
 * Labelled pairs as line segments, split into similar (+1) and dissimilar (−1): each segment is two points
 * followed by a GAP, so one Chart.js line dataset with spanGaps off draws them all apart.
 */
export function labelSegments(points, labels) {
  const positive = [];
  const negative = [];
  for (const { i, j, label } of labels) {
    if (!points[i] || !points[j]) continue;
    const target = label > 0 ? positive : negative;
    target.push({ x: points[i][0], y: points[i][1] }, { x: points[j][0], y: points[j][1] }, GAP);
  }
  return { positive, negative };
}

/** The sentence nearest to (x, y) within `radius` (in the same units), or −1. */
export function nearestPoint(points, x, y, radius) {
  let best = -1;
  let bestDistance = radius * radius;
  for (let k = 0; k < points.length; k++) {
    const dx = points[k][0] - x;
    const dy = points[k][1] - y;
    const d = dx * dx + dy * dy;
    if (d <= bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

/** Keeps k within 1..n, the range the clusters endpoint accepts. */
export function clampK(k, n) {
  const value = Math.round(Number(k));
  if (!Number.isFinite(value)) return Math.min(2, n);
  return Math.max(1, Math.min(n, value));
}

/** The k the map starts with: 5 groups, or fewer for a tiny dataset. */
export function defaultK(n) {
  return Math.max(1, Math.min(5, n));
}

/** The sentences a heatmap selection {i, j} lights up on the map: both of a pair, one for a row (i = j). */
export function highlighted(selected) {
  if (!selected) return [];
  return selected.i === selected.j ? [selected.i] : [selected.i, selected.j];
}

/**
 * Per-point drawing options for Chart.js: cluster colour, and a larger, black-ringed dot for the highlighted
 * sentences so they stand out whatever their cluster colour.
 */
export function pointStyles(colours, lit) {
  const on = new Set(lit);
  return {
    backgroundColor: colours,
    radius: colours.map((_, k) => (on.has(k) ? 7 : 3)),
    borderColor: colours.map((c, k) => (on.has(k) ? '#000000' : c)),
    borderWidth: colours.map((_, k) => (on.has(k) ? 2.5 : 1)),
  };
}

/** A sentence cut to `max` characters for a tooltip line. */
export function shortened(text, max = 110) {
  const s = String(text ?? '');
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

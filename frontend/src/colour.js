// Colour lookup table and the legend's scale. One LUT of 256 RGBA entries keeps drawing to a table read.

/** Perceptually ordered stops (viridis-like), from low to high similarity. */
export const DEFAULT_STOPS = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/**
 * Diverging stops (ColorBrewer RdBu, reversed): blue below 0, near-white at 0, red above. For signed values:
 * a cosine on ±1, or a difference of two matrices on ±max|Δ|. Blue and red stay apart for colour-blind readers.
 */
export const DIVERGING_STOPS = [
  [5, 48, 97],
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
  [103, 0, 31],
];

/** Builds a Uint8ClampedArray of size*4 RGBA, interpolating linearly between the stops. */
export function buildLut(stops = DEFAULT_STOPS, size = 256) {
  if (stops.length < 2) throw new Error('A colour scale needs at least two stops.');
  const lut = new Uint8ClampedArray(size * 4);
  for (let k = 0; k < size; k++) {
    const t = size === 1 ? 0 : k / (size - 1);
    const pos = t * (stops.length - 1);
    const s = Math.min(Math.floor(pos), stops.length - 2);
    const f = pos - s;
    for (let ch = 0; ch < 3; ch++) {
      lut[k * 4 + ch] = Math.round(stops[s][ch] + (stops[s + 1][ch] - stops[s][ch]) * f);
    }
    lut[k * 4 + 3] = 255;
  }
  return lut;
}

/** A scale maps a similarity to a LUT index; values outside the domain clamp to its ends. */
export function makeScale(lo, hi, size = 256) {
  if (!(hi > lo)) hi = lo + 1e-6;
  const span = hi - lo;
  return {
    lo,
    hi,
    size,
    index(value) {
      const k = Math.floor(((value - lo) / span) * size);
      return k < 0 ? 0 : k >= size ? size - 1 : k;
    },
  };
}

/** Domain for a heatmap: at least [0, 1] wide at the top, extended down to the data's minimum. */
export function domainFor(range) {
  const lo = Math.min(0, Math.floor(range.lo * 10) / 10);
  return { lo, hi: 1 };
}

/** Evenly spaced "nice" ticks for the legend, inclusive of both ends when they fall on the step. */
export function legendTicks(lo, hi, maxTicks = 6) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12);
  const ticks = [];
  const first = Math.ceil(lo / step - 1e-9) * step;
  for (let v = first; v <= hi + 1e-9; v += step) ticks.push(Number(v.toFixed(6)));
  return ticks;
}

/** CSS colour string of a LUT entry, for legends drawn with DOM or Chart.js. */
export function cssColour(lut, index) {
  return `rgb(${lut[index * 4]}, ${lut[index * 4 + 1]}, ${lut[index * 4 + 2]})`;
}

/** A domain centred at 0 and symmetric: ±maxAbs (±1 when maxAbs is missing or 0). */
export function divergingDomain(maxAbs = 1) {
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1;
  return { lo: -m, hi: m };
}

/** max |v| over a list of values (a difference matrix, say), divided by quantum for quantised values. */
export function maxAbs(values, quantum = 1) {
  let m = 0;
  for (let k = 0; k < values.length; k++) {
    const a = Math.abs(values[k]);
    if (a > m) m = a;
  }
  return m / quantum;
}

/**
 * The heatmap's colours: 'sequential' (viridis-like over the data's range up to 1) or 'diverging' (centred at
 * 0; `maxAbs` 1 for cosines, max|Δ| for a difference). Returns {lut, scale}.
 */
export function heatmapColours(kind, { range, maxAbs: m = 1, size = 256 } = {}) {
  if (kind === 'diverging') {
    const { lo, hi } = divergingDomain(m);
    return { lut: buildLut(DIVERGING_STOPS, size), scale: makeScale(lo, hi, size) };
  }
  const { lo, hi } = domainFor(range ?? { lo: 0, hi: 1 });
  return { lut: buildLut(DEFAULT_STOPS, size), scale: makeScale(lo, hi, size) };
}

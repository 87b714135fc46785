// Colour lookup table and the legend's scale. One LUT of 256 RGBA entries keeps drawing to a table read.

/** Perceptually ordered stops (viridis-like), from low to high similarity. */
export const DEFAULT_STOPS = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
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

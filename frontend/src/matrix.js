// Decoding of the similarity matrix the API sends as compact binary, and access by sentence index.

/** Scale of the int16 quantisation: the server sends round(S * 10000). */
export const QUANTUM = 10000;

/**
 * Decodes GET /similarity?format=int16: uint32 LE N, N int32 LE order indices, then N*N int16 LE
 * values in that order. Throws on a truncated or inconsistent buffer rather than drawing garbage.
 */
export function decodeMatrix(buffer) {
  if (buffer.byteLength < 4) throw new Error('Similarity matrix is empty.');
  const view = new DataView(buffer);
  const n = view.getUint32(0, true);
  const expected = 4 + 4 * n + 2 * n * n;
  if (buffer.byteLength !== expected) {
    throw new Error(`Similarity matrix has ${buffer.byteLength} bytes, expected ${expected} for N=${n}.`);
  }
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = view.getInt32(4 + 4 * k, true);
  const valuesOffset = 4 + 4 * n;
  let values;
  if (isLittleEndianHost() && valuesOffset % 2 === 0) {
    values = new Int16Array(buffer, valuesOffset, n * n);
  } else {
    values = new Int16Array(n * n);
    for (let k = 0; k < n * n; k++) values[k] = view.getInt16(valuesOffset + 2 * k, true);
  }
  return makeMatrix(n, order, values);
}

/** The JSON form {"order","matrix"} (matrix rows already in that order), turned into the same shape. */
export function matrixFromJson(json) {
  const n = json.matrix.length;
  const order = Int32Array.from(json.order ?? [...Array(n).keys()]);
  const values = new Int16Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) values[r * n + c] = Math.round(json.matrix[r][c] * QUANTUM);
  }
  return makeMatrix(n, order, values);
}

export function makeMatrix(n, order, values) {
  const position = new Int32Array(n);
  const seen = new Uint8Array(n);
  for (let row = 0; row < n; row++) {
    const i = order[row];
    if (i < 0 || i >= n || seen[i]) throw new Error(`Order is not a permutation of 0..${n - 1}.`);
    seen[i] = 1;
    position[i] = row;
  }
  return {
    n,
    order,
    position,
    values,
    /** Similarity at display row/column. */
    atCell(row, col) {
      return values[row * n + col] / QUANTUM;
    },
    /** Similarity of sentences i and j (input indices). */
    at(i, j) {
      return values[position[i] * n + position[j]] / QUANTUM;
    },
  };
}

/** Smallest and largest off-diagonal value, for the colour scale's domain. */
export function offDiagonalRange(matrix) {
  const { n, values } = matrix;
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < n; r++) {
    const base = r * n;
    for (let c = 0; c < n; c++) {
      if (c === r) continue;
      const v = values[base + c];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === Infinity) return { lo: 0, hi: 1 };
  return { lo: lo / QUANTUM, hi: hi / QUANTUM };
}

/**
 * The matrix `source` (any order) re-laid in the order of `like`, so that a second model's matrix (an adapter's,
 * or one the Compare panel picked) is shown in the page's current order.
 */
export function inOrderOf(source, like) {
  const n = like.n;
  if (source.n !== n) throw new Error(`The matrices have ${source.n} and ${n} sentences.`);
  const values = new Int16Array(n * n);
  for (let r = 0; r < n; r++) {
    const i = like.order[r];
    for (let c = 0; c < n; c++) {
      values[r * n + c] = source.values[source.position[i] * n + source.position[like.order[c]]];
    }
  }
  return makeMatrix(n, like.order, values);
}

/**
 * other − base in base's order (an adapter against its base, model B against model A), and max|Δ| off the
 * diagonal for the diverging scale's ±range. Differences of int16 cosines fit int16: |Δ| ≤ 2·10⁴.
 */
export function differenceMatrix(base, other) {
  const aligned = inOrderOf(other, base);
  const n = base.n;
  const values = new Int16Array(n * n);
  let maxAbs = 0;
  for (let k = 0; k < values.length; k++) {
    const d = aligned.values[k] - base.values[k];
    values[k] = d;
    if (k % (n + 1) !== 0 && Math.abs(d) > maxAbs) maxAbs = Math.abs(d);
  }
  return { matrix: makeMatrix(n, base.order, values), maxAbs: maxAbs / QUANTUM };
}

function isLittleEndianHost() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

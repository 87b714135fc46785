import { makeMatrix, QUANTUM } from '../src/matrix.js';

/** A matrix from plain rows of similarities in input order (identity order unless given). */
export function matrixOf(rows, order = [...rows.keys()]) {
  const n = rows.length;
  const values = new Int16Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) values[r * n + c] = Math.round(rows[order[r]][order[c]] * QUANTUM);
  }
  return makeMatrix(n, Int32Array.from(order), values);
}

/** Encodes like the server: uint32 N, int32 order, int16 values, little-endian. */
export function encode(rowsInOrder, order) {
  const n = order.length;
  const buffer = new ArrayBuffer(4 + 4 * n + 2 * n * n);
  const view = new DataView(buffer);
  view.setUint32(0, n, true);
  order.forEach((o, k) => view.setInt32(4 + 4 * k, o, true));
  let offset = 4 + 4 * n;
  for (const row of rowsInOrder) for (const v of row) { view.setInt16(offset, Math.round(v * QUANTUM), true); offset += 2; }
  return buffer;
}

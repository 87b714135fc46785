// Nearest neighbours of one sentence from the decoded matrix.

/** The k sentences most similar to sentence i (excluding itself), most similar first. */
export function nearestNeighbours(matrix, i, k) {
  const { n, values, position, order } = matrix;
  // a tiled matrix holds no rows; the server's neighbour search answers for large datasets
  if (!values) return [];
  const base = position[i] * n;
  const result = [];
  for (let col = 0; col < n; col++) {
    const j = order[col];
    if (j === i) continue;
    const v = values[base + col];
    if (result.length < k) {
      result.push({ j, v });
      if (result.length === k) result.sort(byValueDesc);
    } else if (v > result[k - 1].v) {
      result[k - 1] = { j, v };
      result.sort(byValueDesc);
    }
  }
  result.sort(byValueDesc);
  return result.map(({ j, v }) => ({ j, similarity: v / 10000 }));
}

function byValueDesc(a, b) {
  return b.v - a.v || a.j - b.j;
}

/** How many unordered pairs have similarity ≥ threshold (the slider's count). */
export function countAbove(matrix, threshold) {
  const { n, values } = matrix;
  if (!values) return null;
  const q = threshold * 10000;
  let count = 0;
  for (let r = 0; r < n; r++) {
    const base = r * n;
    for (let c = r + 1; c < n; c++) if (values[base + c] >= q) count++;
  }
  return count;
}

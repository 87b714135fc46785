// The map's UMAP off the page's thread. A classic worker, because umap-js ships a browser bundle (UMD) that only
// importScripts can load under the page's script-src 'self'; the tested logic comes in as an ES module.
//
// In:  {n, order: Int32Array, values: Int16Array, seed}   (the page's quantised cosine matrix)
// Out: {type: 'progress', phase: 'neighbours' | 'graph' | 'epochs', epoch, epochs}
//      {type: 'done', points: [[x, y], ...]} in sentence order, or {type: 'error', message}

/* global importScripts, UMAP */
importScripts('vendor/umap-js.min.js');

const layout = import('./umap-layout.js');

self.onmessage = async (event) => {
  try {
    const { knnFromMatrix, neighbourCount, seededRandom, reportsEpoch } = await layout;
    const { n, order, values, seed } = event.data;
    const nNeighbors = neighbourCount(n);
    self.postMessage({ type: 'progress', phase: 'neighbours', epoch: 0, epochs: 0 });
    const knn = knnFromMatrix({ n, order, values }, nNeighbors);
    self.postMessage({ type: 'progress', phase: 'graph', epoch: 0, epochs: 0 });
    const umap = new UMAP.UMAP({ nComponents: 2, nNeighbors, random: seededRandom(seed ?? 0) });
    umap.setPrecomputedKNN(knn.indices, knn.distances);
    // umap-js only reads the number of rows once the neighbours are given
    const rows = Array.from({ length: n }, (_, i) => [i]);
    const epochs = umap.initializeFit(rows);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      umap.step();
      if (reportsEpoch(epoch, epochs)) self.postMessage({ type: 'progress', phase: 'epochs', epoch, epochs });
    }
    self.postMessage({ type: 'done', points: umap.getEmbedding() });
  } catch (e) {
    self.postMessage({ type: 'error', message: e?.message ?? String(e) });
  }
};

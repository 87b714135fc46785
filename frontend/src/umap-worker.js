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
    const { layoutWithUmap } = await layout;
    const points = layoutWithUmap(UMAP.UMAP, event.data, (progress) => self.postMessage({ type: 'progress', ...progress }));
    self.postMessage({ type: 'done', points });
  } catch (e) {
    self.postMessage({ type: 'error', message: e?.message ?? String(e) });
  }
};

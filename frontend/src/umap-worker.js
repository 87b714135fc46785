// The map's UMAP off the page's thread. A classic worker, because umap-js ships a browser bundle (UMD) that only
// importScripts can load under the page's script-src 'self'; the tested logic comes in as ES modules.
//
// In:  {n, order: Int32Array, values: Int16Array, seed}   (the page's quantised cosine matrix), or
//      {sample: ArrayBuffer, seed}                        (the body of GET .../map-sample, for a large dataset)
// Out: {type: 'progress', phase: 'neighbours' | 'graph' | 'epochs' | 'placing', epoch, epochs}
//      {type: 'done', points: [[x, y], ...], sampled} in sentence order (sampled: the sentences UMAP ran on, when
//      the others were placed by their neighbours), or {type: 'error', message}

/* global importScripts, UMAP */
importScripts('vendor/umap-js.min.js');

const layout = import('./umap-layout.js');
const sampled = import('./map-sample.js');

self.onmessage = async (event) => {
  try {
    const progress = (p) => self.postMessage({ type: 'progress', ...p });
    if (event.data.sample) {
      const { layoutSample } = await sampled;
      const { points, sampled: m } = layoutSample(UMAP.UMAP, event.data.sample, event.data.seed, progress);
      self.postMessage({ type: 'done', points, sampled: m });
      return;
    }
    const { layoutWithUmap } = await layout;
    self.postMessage({ type: 'done', points: layoutWithUmap(UMAP.UMAP, event.data, progress) });
  } catch (e) {
    self.postMessage({ type: 'error', message: e?.message ?? String(e) });
  }
};

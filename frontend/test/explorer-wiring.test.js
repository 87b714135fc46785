// The dataset page's shell evaluated against a permissive stand-in for the DOM and a small dense dataset: it catches
// wiring faults the unit tests cannot see (a name used before it is defined, a module that fails to load), and checks
// the page asks for the pyramid first and gets as far as drawing the heatmap. What is drawn is the browser tests'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from './helpers.js';

const handler = {
  get(target, key) {
    if (key === Symbol.toPrimitive) return () => '';
    if (key === 'then') return undefined;
    // an element has no children, so loops that empty one end
    if (key === 'firstChild') return target.firstChild ?? null;
    if (key in target) return target[key];
    return anything();
  },
  set(target, key, value) { target[key] = value; return true; },
  apply: () => anything(),
  construct: () => anything(),
};
function anything(fields = {}) {
  return new Proxy(Object.assign(function element() {}, fields), handler);
}

const json = (body) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
const rows = [[1, 0.5, 0.25], [0.5, 1, 0.75], [0.25, 0.75, 1]];
const answers = {
  '/api/datasets/1/tiles': () => json({ n: 3, tiledAbove: 3000 }),
  '/api/datasets/1': () => json({ id: 1, model: 'm', sentences: ['a', 'b', 'c'] }),
  '/api/datasets/1/similarity': () => new Response(encode(rows, [0, 1, 2]), { headers: { 'Content-Type': 'application/octet-stream' } }),
  '/api/datasets/1/labels': () => json([]),
  '/api/losses': () => json([{ id: 'cosent' }]),
  '/api/datasets/1/labels/conflicts': () => json({ conflicts: [], implied: [] }),
};

test('the dataset page evaluates, asks for the pyramid first, and gets ready on a dense dataset', async () => {
  const asked = [];
  const elements = new Map();
  const byId = (id) => {
    if (!elements.has(id)) {
      elements.set(id, anything({ id, dataset: id === 'explorer' ? { datasetId: '1', model: 'm' } : {}, textContent: id === 'ui-text' ? '{}' : '' }));
    }
    return elements.get(id);
  };
  const body = anything({ dataset: {} });
  globalThis.document = anything({ body, getElementById: byId, querySelectorAll: () => [], addEventListener: () => {} });
  Object.assign(globalThis, {
    window: globalThis, addEventListener: () => {}, requestAnimationFrame: () => 0, cancelAnimationFrame: () => {},
    Option: class {}, CSS: { escape: String },
    fetch: async (url) => {
      const path = String(url).split('?')[0];
      asked.push(path);
      const answer = answers[path];
      return answer ? answer() : new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
    },
  });
  await import('../src/explorer.js');
  for (let k = 0; k < 50 && body.dataset.heatmapReady !== 'true'; k++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(asked[0], '/api/datasets/1/tiles');
  assert.equal(body.dataset.heatmapReady, 'true', `the page stopped; it shows: ${byId('error-text').textContent}`);
  assert.equal(byId('explorer').dataset.tiled, 'false');
  assert.equal(byId('label-count').textContent, '0');
  assert.equal(typeof globalThis.simexplorer.heatmap, 'function');
});

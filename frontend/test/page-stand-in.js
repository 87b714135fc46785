// A permissive stand-in for the DOM and a fake server, under which the dataset page's shell (explorer.js) is
// evaluated: it catches wiring faults the unit tests cannot see (a name used before it is defined, a module that
// fails to load, a path that throws before the heatmap is ready). What is drawn is the browser tests'.

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
export function anything(fields = {}) {
  return new Proxy(Object.assign(function element() {}, fields), handler);
}

export const json = (body) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
export const binary = (buffer) => new Response(buffer, { headers: { 'Content-Type': 'application/octet-stream' } });

/**
 * Loads explorer.js with `answers` (path → () => Response) and waits until the heatmap is ready or 2 s pass;
 * `rendered` adds data attributes the server rendered on #explorer (sentences, tiledAbove).
 */
export async function openPage(answers, rendered = {}) {
  const asked = [];
  const elements = new Map();
  const byId = (id) => {
    if (!elements.has(id)) {
      elements.set(id, anything({ id, dataset: id === 'explorer' ? { datasetId: '1', model: 'm', ...rendered } : {}, textContent: id === 'ui-text' ? '{}' : '' }));
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
      asked.push(String(url));
      const answer = answers[path];
      return answer ? answer(String(url)) : new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
    },
  });
  await import('../src/explorer.js');
  for (let k = 0; k < 200 && body.dataset.heatmapReady !== 'true'; k++) await new Promise((resolve) => setTimeout(resolve, 10));
  return { asked, byId, body };
}

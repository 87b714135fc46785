// UMAP benchmark: times the map's UMAP on a stored dataset, running the code the page's worker runs
// (frontend/src/umap-layout.js with the umap-js bundle the build serves) in Node's V8, the engine Chromium
// runs the worker on. Prints key=value lines.
//
// usage: node bench/umap.mjs --dataset ID [--url http://127.0.0.1:8080] [--runs 1]
//   The app must be running; it needs target/umap-js (./mvnw process-resources fetches it).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { fetchSimilarity } from '../frontend/src/api.js';
import { layoutWithUmap } from '../frontend/src/umap-layout.js';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, k, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[k + 1]]] : pairs), []));
if (!args.dataset) {
  console.error('usage: node bench/umap.mjs --dataset ID [--url http://127.0.0.1:8080] [--runs 1]');
  process.exit(2);
}
const url = args.url ?? 'http://127.0.0.1:8080';
const runs = Number(args.runs ?? 1);

const bundle = new URL('../target/umap-js/package/lib/umap-js.min.js', import.meta.url);
const context = vm.createContext({ Math, setTimeout, console });
context.self = context;
vm.runInContext(readFileSync(bundle, 'utf8'), context);

const absolute = (input, init) => fetch(new URL(input, url), init);
const started = performance.now();
const matrix = await fetchSimilarity(`/api/datasets/${args.dataset}`, {}, absolute);
console.log(`umap_n=${matrix.n}`);
console.log(`umap_matrix_fetch_ms=${Math.round(performance.now() - started)}`);

for (let run = 1; run <= runs; run++) {
  const marks = {};
  const t0 = performance.now();
  let epochs = 0;
  layoutWithUmap(context.UMAP.UMAP, matrix, (p) => {
    if (!(p.phase in marks)) marks[p.phase] = performance.now();
    epochs = p.epochs;
  });
  const end = performance.now();
  console.log(`umap_run=${run}`);
  console.log(`umap_neighbours_ms=${Math.round(marks.graph - marks.neighbours)}`);
  console.log(`umap_graph_ms=${Math.round(marks.epochs - marks.graph)}`);
  console.log(`umap_epochs=${epochs}`);
  console.log(`umap_epochs_ms=${Math.round(end - marks.epochs)}`);
  console.log(`umap_total_ms=${Math.round(end - t0)}`);
}

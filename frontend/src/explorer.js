// The dataset page shell: keeps the page state, loads the dataset, and wires the modules together: the matrices
// (tile-loader), the heatmap view with its pointer and keys, the pair, queue, neighbour, review and analysis panels,
// and the Train, Map and Compare panels. Sentence text is only ever written through textContent.

import { offDiagonalRange } from './matrix.js';
import { domainFor } from './colour.js';
import { fullViewport, zoomToRegion } from './viewport.js';
import { LabelSync } from './label-sync.js';
import { shownPairs } from './keyboard.js';
import { currentThreshold } from './queue.js';
import { ServerQueue } from './server-queue.js';
import { loadSkips } from './skips.js';
import { getJson, sendJson, outcome, sentenceTexts, labelList, fetchSimilarity, fetchTile } from './api.js';
import { tileRange, levelFor, tileKey } from './tiles.js';
import { TileLoader } from './tile-loader.js';
import { Analysis } from './analysis.js';
import { QueueController } from './queue-controller.js';
import { setText } from './dom.js';
import { translator } from './messages.js';
import { HeatmapView } from './heatmap-view.js';
import { HeatmapDisplay } from './heatmap-display.js';
import { wirePointer } from './heatmap-pointer.js';
import { HeatmapKeys } from './heatmap-keys.js';
import { press, wireControls } from './page-controls.js';
import { PairPanels } from './pair-panels.js';
import { QueueView } from './queue-view.js';
import { AnalysisPanels } from './analysis-panels.js';
import { ChartsView } from './charts-view.js';
import { ReviewPanel } from './review-panel.js';
import { NeighbourPanel } from './neighbour-panel.js';
import { TrainPanel } from './training-view.js';
import { MapPanel } from './map-view.js';
import { ComparePanel } from './compare-view.js';

const $ = (id) => document.getElementById(id);
const t = translator(JSON.parse($('ui-text')?.textContent || '{}'));
const root = $('explorer');
const datasetId = root.dataset.datasetId;
const api = `/api/datasets/${encodeURIComponent(datasetId)}`;
const storage = (() => { try { return window.localStorage; } catch { return undefined; } })();
const sync = new LabelSync((change) => sendJson('PUT', `${api}/labels`, [{ i: change.i, j: change.j, label: change.label }]), onSaveEvent);

const state = {
  sentences: [], matrices: {}, orderName: 'input', matrix: null,
  // above the server's tiledAbove, the matrices are tiled (tiles.js) and no N×N array is fetched
  tiled: false,
  // what the heatmap's values are (a cosine, an adapter's, a difference) and its caption: null for the dataset's own
  valueKey: 'cosine', caption: null, model: root.dataset.model ?? '',
  viewport: null, scale: null, dataDomain: null, colours: 'sequential',
  get labels() { return sync.store; },
  // which pair S, D and 0 act on: the selected one or the queue's; the page marks it
  selected: null, active: 'selection', cursor: null, cursorShown: false, tool: 'select', drag: null,
  metrics: null, losses: [], lossResults: new Map(), selectedLoss: null, lossDetail: null, analysisVersion: 0,
  thresholdOn: false, threshold: 0.5,
  queue: { active: false, current: null, mode: 'informative', skipped: loadSkips(storage, datasetId), implied: [] },
  consistency: null,
};

const overlay = $('overlay');
const view = new HeatmapView({ heatmap: $('heatmap'), overlay, legend: $('legend'), legendTicks: $('legend-ticks') });
const pairs = new PairPanels({ $, t, state });
const queueView = new QueueView({ $, t, state });
const analysisPanels = new AnalysisPanels({ $, t, state, actions: { toggleLoss } });
const charts = new ChartsView({ $, t, state });
const review = new ReviewPanel({ $, t, state, api, actions: { jump, setLabel } });
const neighbourPanel = new NeighbourPanel({ $, t, state, api, getJson, actions: { select, setLabel } });
const showError = (text) => { setText($('error-text'), text); $('error-banner').hidden = false; };
const showStatus = (text) => { setText($('status-banner'), text); $('status-banner').hidden = !text; };
$('error-close').addEventListener('click', () => { $('error-banner').hidden = true; });

const loader = new TileLoader({ api, getJson, fetchTile, fetchSimilarity, matrices: state.matrices,
  onTile: (matrix) => display.onTile(matrix), onError: (e) => showError(t('tiles.failed', e.message)) });
const display = new HeatmapDisplay({ $, t, state, view, loader, root, shown: () => shown() });
const draw = () => display.draw();
const drawOverlay = () => display.drawOverlay();
const redraw = () => display.redraw();
const applyColours = (shown) => display.applyColours(shown);
const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
const progressText = (received, total) => t('matrix.progress', megabytes(received), megabytes(total));
const analysis = new Analysis({ api, outcome, t, state, alongside: refreshConsistency, view: {
  busy: (on) => analysisPanels.recomputing(on),
  detail: () => { analysisPanels.lossExplanation(); drawOverlay(); },
  shown: (metrics, losses) => {
    analysisPanels.losses(losses);
    analysisPanels.metrics(metrics);
    charts.draw();
    analysisPanels.lossExplanation();
    review.list();
    drawOverlay();
    if (queue.pair) queueView.threshold(currentThreshold(state.metrics));
    root.dataset.analysisVersion = String(state.analysisVersion);
  },
} });
const queue = new QueueController({ state, serverQueue: new ServerQueue(api, getJson), storage, datasetId, view: queueView,
  page: { setActive, redraw: drawOverlay, error: (m) => showError(t('queue.failed', m)) } });

// The Train and Compare panels show another matrix on the heatmap (an adapter's, or a difference) through these
// hooks; the base matrices stay in state.matrices, so switching back (or changing the order) needs no new request.
const baseMatrix = () => state.matrices[state.orderName];
const tiledView = (sources) => loader.view(baseMatrix(), sources);
const train = new TrainPanel({ $, t, datasetId, page: {
  baseMatrix, tiledView, show: (shown) => display.show(shown, train), error: showError,
  adaptersChanged: () => compare.refreshModels().catch((e) => showError(t('compare.modelsFailed', e.message))),
} });
// The map's selection and the heatmap's follow each other; a disagreement is labelled like a heatmap cell.
const map = new MapPanel({ $, t, datasetId, page: {
  sentences: () => state.sentences, labels: () => state.labels.all(), inputMatrix: () => state.matrices.input, selectSentence: (i) => jump(i, i),
} });
const compare = new ComparePanel({ $, t, datasetId, page: {
  sentences: () => state.sentences, labelOf: (i, j) => state.labels.get(i, j), setLabel: (i, j, label) => setLabel(i, j, label),
  jump: (i, j) => jump(i, j), baseMatrix, tiledView, show: (shown) => display.show(shown, compare), error: showError,
} });
async function init() {
  try {
    // The sentences (the largest answer) are asked at once; the tiles the first view shows follow the overview.
    const sentences = getJson(api);
    state.tiled = await loader.start({ n: Number(root.dataset.sentences), tiledAbove: Number(root.dataset.tiledAbove) });
    root.dataset.tiled = String(state.tiled);
    const [dataset, matrix, labels] = await Promise.all([sentences, loader.matrix('input', (r, n) => {
      Object.assign($('matrix-progress'), { hidden: false, max: n, value: r });
      setText($('loading-text'), progressText(r, n));
    }).then((m) => { loader.requestVisible(m, fullViewport(m.n), view.W); return m; }), getJson(`${api}/labels`)]);
    state.sentences = sentenceTexts(dataset);
    state.model = dataset.model;
    sync.reset(labelList(labels));
    state.matrix = matrix;
    state.viewport = fullViewport(matrix.n);
    state.dataDomain = domainFor(matrix.tiled ? tileRange(matrix.tiles.get(tileKey(0, 0, 0)), true) : offDiagonalRange(matrix));
    $('threshold').min = String(state.dataDomain.lo);
    applyColours();
    pairs.labelCount();
    queueView.skips(state.queue.skipped.size);
    $('heatmap-loading').hidden = true;
    map.init(matrix.n);
    compare.init(dataset.model).catch((e) => showError(t('compare.failed', e.message)));
    // The benchmark reads this: the heatmap is drawn and the page answers clicks and keys from here on.
    window.heatmapReadyAt = performance.now();
    document.body.dataset.heatmapReady = 'true';
  } catch (e) {
    setText($('heatmap-loading'), e.message);
    showError(t('loadFailed', e.message));
    return;
  }
  state.losses = await getJson('/api/losses').catch((e) => { showError(t('lossesFailed', e.message)); return []; });
  analysisPanels.lossRows();
  refreshAnalysis();
  await train.init(state.losses).catch((e) => showError(t('train.loadFailed', e.message)));
}

const shown = () => shownPairs({ focus: state.active, selected: state.selected, queuePair: queue.pair });

function setActive(which) {
  state.active = which;
  pairs.activePanel(shown().panel);
}

function clickCell(cell) {
  select(cell.i, cell.j);
  if (state.tool !== 'select' && cell.i !== cell.j) setLabel(cell.i, cell.j, Number(state.tool));
}

function select(i, j) {
  state.selected = { i, j };
  setActive('selection');
  pairs.selection();
  neighbourPanel.show();
  drawOverlay();
  map.highlight(state.selected);
}

/** Zooms the heatmap onto pair (i, j) (a sentence's row when i = j), selects it and puts the cursor there. */
function jump(i, j) {
  const { position, n } = state.matrix;
  state.viewport = zoomToRegion(position[i] - 12, position[j] - 12, position[i] + 12, position[j] + 12, n);
  state.cursor = { row: position[i], col: position[j] };
  select(i, j);
  draw();
  $('heatmap-stack').scrollIntoView({ block: 'nearest' });
}

function setLabel(i, j, label) {
  if (!sync.set(i, j, label)) return;
  afterLocalChange();
  queue.labelled(i, j);
}

function undo() {
  if (sync.undo()) afterLocalChange();
}

function afterLocalChange() {
  pairs.selection();
  neighbourPanel.rows();
  review.neighbourList();
  pairs.labelCount();
  review.list();
  map.labelsChanged();
  compare.labelsChanged();
  pairs.failures(sync.failures, { retry: (id) => { sync.retry(id); afterLocalChange(); }, dismiss: (id) => sync.dismiss(id) });
  drawOverlay();
}

function onSaveEvent(event) {
  afterLocalChange();
  if (event.type === 'saved') analysis.schedule();
}

window.addEventListener('beforeunload', (event) => {
  if (sync.pending === 0) return;
  event.preventDefault();
  event.returnValue = t('unsaved');
});

for (const [id, label] of [['sel-similar', 1], ['sel-dissimilar', -1], ['sel-clear', 0]]) {
  $(id).addEventListener('click', () => state.selected && setLabel(state.selected.i, state.selected.j, label));
}
$('undo').addEventListener('click', undo);

wirePointer({ $, overlay, view, state, tooltip: (cell, event) => pairs.tooltip(cell, event), redraw, drawOverlay, clickCell });
new HeatmapKeys({ overlay, state, activePair: () => shown().active, queuePair: () => queue.pair, draw, redraw, drawOverlay,
  cursorShown: (cell) => pairs.cursor(cell), clickCell, setLabel, undo, skip: () => queue.skip() }).wire();
queueView.wire(queue, { ready: () => !!state.matrix, beforeStart: refreshConsistency, press,
  label: (value) => { const q = queue.pair; if (q) { setActive('queue'); setLabel(q.i, q.j, value); } } });
wireControls({ $, t, state, api, draw, redraw, applyColours: () => applyColours(), review, loader, sync, showStatus, showError,
  progressText, refreshViews: () => { train.refreshView(); compare.refreshView(); }, labelsReloaded: () => { afterLocalChange(); analysis.schedule(); } });

function refreshConsistency() {
  return review.refreshConsistency(outcome);
}

function refreshAnalysis() {
  return analysis.refresh();
}

function toggleLoss(id) {
  analysis.toggleLoss(id);
  analysisPanels.lossSelection();
  drawOverlay();
  analysisPanels.lossExplanation();
}

// Read-only inspection hook for the browser tests and the console: what the page holds right now; the heatmap's
// zoom, and for a tiled one the level drawn and the visible tiles still loading.
window.simexplorer = {
  labels: () => state.labels.all(), pendingSaves: () => sync.pending, failures: () => sync.failures,
  heatmap: () => ({ viewport: state.viewport, tiled: !!state.matrix?.tiled, finest: state.matrix?.finest ?? null, pendingTiles: display.pending(),
    level: state.matrix?.tiled ? levelFor(state.matrix.finest, state.viewport.size, view.W) : null }),
};

init();

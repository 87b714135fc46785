// The dataset page shell: loads the dataset, keeps the page state, and wires DOM events to the tested logic
// (label-sync controller, keyboard router, queue, viewport) and to the views (heatmap view, panels).
// Sentence text is only ever written through textContent.

import { offDiagonalRange } from './matrix.js';
import { domainFor, heatmapColours } from './colour.js';
import { fullViewport, isFull, zoomToRegion, pan, follow } from './viewport.js';
import { wheelZoom } from './wheel-zoom.js';
import { heatmapCaption } from './heatmap-caption.js';
import { pairKey } from './labels.js';
import { LabelSync } from './label-sync.js';
import { routeKey, moveCursor, shownPairs } from './keyboard.js';
import { nextPair, currentThreshold } from './queue.js';
import { ServerQueue } from './server-queue.js';
import { loadSkips, saveSkips } from './skips.js';
import { countAbove } from './neighbours.js';
import { topContributions, lossOutcomes } from './losses.js';
import { getJson, sendJson, request, outcome, sentenceTexts, labelList, fetchSimilarity, fetchTile } from './api.js';
import { tiledMatrix, combinedMatrix, tileRange, visibleTiles, levelFor, tileKey } from './tiles.js';
import { setText } from './dom.js';
import { translator } from './messages.js';
import { HeatmapView } from './heatmap-view.js';
import { Panels } from './panels.js';
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

const sync = new LabelSync(
  (change) => sendJson('PUT', `${api}/labels`, [{ i: change.i, j: change.j, label: change.label }]),
  onSaveEvent);

const state = {
  sentences: [],
  matrices: {},
  orderName: 'input',
  matrix: null,
  // above the server's tiledAbove, the matrices are tiled (tiles.js) and no N×N array is fetched
  tiled: false,
  // the message that names the heatmap's value: a cosine, or what a panel's matrix holds (an adapter's, a difference)
  valueKey: 'cosine',
  // what the heatmap shows, for its title and legend: null (the dataset's own cosines) or a panel's caption
  caption: null,
  model: root.dataset.model ?? '',
  viewport: null,
  scale: null,
  dataDomain: null,
  colours: 'sequential',
  get labels() { return sync.store; },
  selected: null,
  // which pair S, D and 0 act on: the selected one or the queue's; the page marks it
  active: 'selection',
  cursor: null,
  cursorShown: false,
  tool: 'select',
  metrics: null,
  losses: [],
  lossResults: new Map(),
  selectedLoss: null,
  // the selected loss with its per-pair contributions: {loss, result}, fetched when a loss is selected
  lossDetail: null,
  thresholdOn: false,
  threshold: 0.5,
  drag: null,
  queue: { active: false, current: null, mode: 'informative', skipped: loadSkips(storage, datasetId), implied: [] },
  analysisVersion: 0,
  consistency: null,
};

const view = new HeatmapView({ heatmap: $('heatmap'), overlay: $('overlay'), legend: $('legend'), legendTicks: $('legend-ticks') });
const panels = new Panels({ $, t, state, actions: { select, toggleLoss } });
const review = new ReviewPanel({ $, t, state, api, actions: { jump, setLabel } });
const neighbourPanel = new NeighbourPanel({ $, t, state, api, getJson, actions: { select, setLabel } });
const overlay = $('overlay');

// ---------- messages ----------

function showError(text) {
  setText($('error-text'), text);
  $('error-banner').hidden = false;
}

function showStatus(text) {
  const banner = $('status-banner');
  setText(banner, text);
  banner.hidden = !text;
}

$('error-close').addEventListener('click', () => { $('error-banner').hidden = true; });

// ---------- loading ----------

const megabytes = (bytes) => (bytes / 1e6).toFixed(1);

function showMatrixProgress(received, total) {
  const bar = $('matrix-progress');
  bar.hidden = false;
  bar.max = total;
  bar.value = received;
  setText($('loading-text'), t('matrix.progress', megabytes(received), megabytes(total)));
}

/**
 * The matrix in one order, downloaded once; onProgress(received, total) hears the bytes arriving. Above the
 * server's tiledAbove it is a tiled matrix: the order and the overview tile now, finer tiles as the view needs them.
 */
async function fetchMatrix(order, onProgress) {
  if (state.matrices[order]) return state.matrices[order];
  const matrix = state.tiled ? await fetchTiled(order) : await fetchSimilarity(api, { order, onProgress });
  state.matrices[order] = matrix;
  return matrix;
}

async function fetchTiled(order) {
  const pyramid = await getJson(`${api}/tiles?order=${encodeURIComponent(order)}`);
  const matrix = tiledMatrix(pyramid.n, Int32Array.from(pyramid.order), new Map());
  matrix.orderName = order;
  matrix.tiles.set(tileKey(0, 0, 0), await fetchTile(api, { level: 0, row: 0, col: 0, order }));
  return matrix;
}

const tilesAsked = new Set();
let tileFrame = 0;
let tileTimer = 0;

/**
 * A panel's view from tiles (an adapter's, adapter − base, B − A): sources [{model, sign}], model null for the
 * dataset's own, in the page's order; resolves once the overview tiles are in, so maxAbs is known.
 */
async function tiledView(sources) {
  const combined = combinedMatrix(baseMatrix(), sources);
  await Promise.all(sources.map(({ model }) => fetchTile(api, { level: 0, row: 0, col: 0, order: combined.orderName, model })
    .then((values) => combined.addTile(model, tileKey(0, 0, 0), values))));
  return combined;
}

/** Asks for the tiles the viewport shows at its level that are not loaded yet, and redraws as each arrives. */
function requestVisibleTiles() {
  const matrix = state.matrix;
  if (!matrix?.tiled) return;
  const level = levelFor(matrix.finest, state.viewport.size, view.W);
  const sources = matrix.sources ?? [{ model: null }];
  for (const tile of visibleTiles(state.viewport, matrix.n, matrix.finest, level)) {
    for (const { model } of sources) {
      requestTile(matrix, tile, model);
    }
  }
  root.dataset.tilesPending = String(pendingTiles());
}

function requestTile(matrix, tile, model) {
  const asked = `${model}:${matrix.orderName}:${tile.key}`;
  const loaded = matrix.sources ? matrix.hasTile(model, tile.key) : matrix.tiles.has(tile.key);
  if (loaded || tilesAsked.has(asked)) return;
  tilesAsked.add(asked);
  fetchTile(api, { ...tile, order: matrix.orderName, model: model ?? undefined })
      .then((values) => {
        if (matrix.sources) matrix.addTile(model, tile.key, values);
        else matrix.tiles.set(tile.key, values);
        if (state.matrix !== matrix) return;
        cancelAnimationFrame(tileFrame);
        tileFrame = requestAnimationFrame(() => {
          draw();
          root.dataset.tilesPending = String(pendingTiles());
        });
      })
      .catch((e) => showError(t('tiles.failed', e.message)))
      .finally(() => tilesAsked.delete(asked));
}

/** Visible tiles of the current level still missing: the browser test waits for 0. */
function pendingTiles() {
  const matrix = state.matrix;
  if (!matrix?.tiled) return 0;
  const level = levelFor(matrix.finest, state.viewport.size, view.W);
  return visibleTiles(state.viewport, matrix.n, matrix.finest, level).filter((tile) => !matrix.tiles.has(tile.key)).length;
}

// The Train and Compare panels show another matrix on the heatmap (an adapter's, or a difference) through these
// hooks; the base matrices stay in state.matrices, so switching back (or changing the order) needs no new request.
const baseMatrix = () => state.matrices[state.orderName];
const train = new TrainPanel({ $, t, datasetId, page: {
  baseMatrix,
  tiledView,
  show: (shown) => showMatrix(shown, train),
  error: showError,
  adaptersChanged: () => compare.refreshModels().catch((e) => showError(t('compare.modelsFailed', e.message))),
} });
// The map's selection and the heatmap's follow each other; a disagreement is labelled like a heatmap cell.
const map = new MapPanel({ $, t, datasetId, page: {
  sentences: () => state.sentences,
  labels: () => state.labels.all(),
  inputMatrix: () => state.matrices.input,
  selectSentence: (i) => jump(i, i),
} });
const compare = new ComparePanel({ $, t, datasetId, page: {
  sentences: () => state.sentences,
  labelOf: (i, j) => state.labels.get(i, j),
  setLabel: (i, j, label) => setLabel(i, j, label),
  jump: (i, j) => jump(i, j),
  baseMatrix,
  tiledView,
  show: (shown) => showMatrix(shown, compare),
  error: showError,
} });
let heatmapShownBy = null;

/** Draws a panel's matrix (null: the page's own); the panel that had the heatmap before sets its switch back. */
function showMatrix(shown, panel) {
  if (shown && heatmapShownBy && heatmapShownBy !== panel) heatmapShownBy.resetView();
  heatmapShownBy = shown ? panel : null;
  state.valueKey = shown?.valueKey ?? 'cosine';
  state.caption = shown?.caption ?? null;
  if (!shown) {
    state.matrix = state.matrices[state.orderName];
    applyColours();
    return;
  }
  state.matrix = shown.matrix;
  const { lut, scale } = heatmapColours(shown.colours, { range: state.dataDomain, maxAbs: shown.maxAbs ?? 1 });
  view.setColours(lut);
  state.scale = scale;
  view.renderLegend(scale);
  showCaption(shown.colours, scale, shown.maxAbs);
  redraw();
}

async function init() {
  try {
    const pyramid = await getJson(`${api}/tiles`);
    state.tiled = pyramid.n > pyramid.tiledAbove;
    root.dataset.tiled = String(state.tiled);
    const [dataset, matrix, labels] = await Promise.all([getJson(api), fetchMatrix('input', showMatrixProgress), getJson(`${api}/labels`)]);
    state.sentences = sentenceTexts(dataset);
    state.model = dataset.model;
    sync.reset(labelList(labels));
    state.matrix = matrix;
    state.viewport = fullViewport(matrix.n);
    state.dataDomain = domainFor(matrix.tiled ? tileRange(matrix.tiles.get(tileKey(0, 0, 0)), true) : offDiagonalRange(matrix));
    $('threshold').min = String(state.dataDomain.lo);
    applyColours();
    panels.labelCount();
    panels.skips(state.queue.skipped.size);
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
  try {
    state.losses = await getJson('/api/losses');
  } catch (e) {
    showError(t('lossesFailed', e.message));
  }
  panels.lossRows();
  refreshAnalysis();
  try {
    await train.init(state.losses);
  } catch (e) {
    showError(t('train.loadFailed', e.message));
  }
}

// ---------- drawing ----------

function applyColours() {
  const { lut, scale } = heatmapColours(state.colours, { range: state.dataDomain, maxAbs: 1 });
  view.setColours(lut);
  state.scale = scale;
  view.renderLegend(scale);
  showCaption(state.colours, scale);
  redraw();
}

/** The heatmap's title and colour legend name what is drawn: the dataset's model, an adapter, or a difference. */
function showCaption(colours, scale, maxAbs) {
  const caption = heatmapCaption(state.caption, { model: state.model, colours, scale, maxAbs });
  setText($('heatmap-title'), t(...caption.title));
  setText($('legend-text'), t(...caption.legend));
}

function draw() {
  view.render(state.matrix, state.viewport, state.scale, state.thresholdOn ? state.threshold : null);
  // a wheel turn draws many zooms in a row: only the tiles of the zoom it stops at are asked for
  clearTimeout(tileTimer);
  tileTimer = setTimeout(requestVisibleTiles, 120);
  const v = state.viewport;
  const full = isFull(v, state.matrix.n);
  $('reset-zoom').disabled = full;
  setText($('zoom-info'), full
    ? t('zoom.full', state.matrix.n)
    : t('zoom.part', v.row0 + 1, v.row0 + v.size, v.col0 + 1, v.col0 + v.size, state.matrix.n));
}

function drawOverlay() {
  const detail = state.lossDetail;
  const result = detail && detail.loss === state.selectedLoss ? detail.result : null;
  view.renderOverlay({
    matrix: state.matrix,
    viewport: state.viewport,
    outlines: result?.ok ? topContributions(result.body, 20) : [],
    labels: state.labels.all().map((l) => ({ ...l, pending: state.labels.state(l.i, l.j) === 'pending' })),
    selected: shown().active,
    other: shown().other,
    cursor: state.cursorShown ? state.cursor : null,
    drag: state.drag,
  });
}

function redraw() {
  draw();
  drawOverlay();
}

// ---------- pointer ----------

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
const hit = (point) => view.cellAt(point, state.viewport, state.matrix.order);

overlay.addEventListener('mousemove', (event) => {
  if (!state.matrix) return;
  const p = view.canvasPoint(event);
  if (state.drag) {
    state.drag.x1 = p.x;
    state.drag.y1 = p.y;
    if (Math.abs(p.x - state.drag.x0) + Math.abs(p.y - state.drag.y0) > 6) state.drag.moved = true;
    if (state.drag.moved) drawOverlay();
  }
  panels.tooltip(hit(p), event);
});

overlay.addEventListener('mouseleave', () => { $('tooltip').hidden = true; });

overlay.addEventListener('mousedown', (event) => {
  if (!state.matrix || event.button !== 0) return;
  const p = view.canvasPoint(event);
  state.drag = { x0: p.x, y0: p.y, x1: p.x, y1: p.y, moved: false };
});

window.addEventListener('mouseup', (event) => {
  const drag = state.drag;
  state.drag = null;
  if (!drag || !state.matrix) return;
  if (drag.moved) {
    const a = hit({ x: clamp(drag.x0, 0, view.W - 1), y: clamp(drag.y0, 0, view.H - 1) });
    const b = hit({ x: clamp(drag.x1, 0, view.W - 1), y: clamp(drag.y1, 0, view.H - 1) });
    state.viewport = zoomToRegion(a.row, a.col, b.row, b.col, state.matrix.n);
    redraw();
  } else if (event.target === overlay) {
    const cell = hit(view.canvasPoint(event));
    if (cell) clickCell(cell);
  }
});

overlay.addEventListener('wheel', (event) => {
  if (!state.matrix) return;
  event.preventDefault();
  const p = view.canvasPoint(event);
  const step = wheelZoom(state.viewport, p, view, event.deltaY, state.matrix);
  state.viewport = step.viewport;
  redraw();
  panels.tooltip(step.cell, event);
}, { passive: false });

$('reset-zoom').addEventListener('click', () => {
  state.viewport = fullViewport(state.matrix.n);
  redraw();
});

// ---------- selection and labelling ----------

function queuePair() {
  return state.queue.active ? state.queue.current : null;
}

const shown = () => shownPairs({ focus: state.active, selected: state.selected, queuePair: queuePair() });
const activePair = () => shown().active;

function setActive(which) {
  state.active = which;
  panels.activePanel(shown().panel);
}

function clickCell(cell) {
  select(cell.i, cell.j);
  if (state.tool !== 'select' && cell.i !== cell.j) setLabel(cell.i, cell.j, Number(state.tool));
}

function select(i, j) {
  state.selected = { i, j };
  setActive('selection');
  panels.selection();
  neighbourPanel.show();
  drawOverlay();
  map.highlight(state.selected);
}

/** Zooms the heatmap onto pair (i, j) (a sentence's row when i = j), selects it and puts the cursor there. */
function jump(i, j) {
  const { position, n } = state.matrix;
  const half = 12;
  state.viewport = zoomToRegion(position[i] - half, position[j] - half, position[i] + half, position[j] + half, n);
  state.cursor = { row: position[i], col: position[j] };
  select(i, j);
  draw();
  $('heatmap-stack').scrollIntoView({ block: 'nearest' });
}

function setLabel(i, j, label) {
  if (!sync.set(i, j, label)) return;
  afterLocalChange();
  const q = queuePair();
  if (q && pairKey(q.i, q.j) === pairKey(i, j)) nextInQueue();
}

function undo() {
  if (sync.undo()) afterLocalChange();
}

function afterLocalChange() {
  panels.selection();
  neighbourPanel.rows();
  review.neighbourList();
  panels.labelCount();
  review.list();
  map.labelsChanged();
  compare.labelsChanged();
  panels.failures(sync.failures, { retry: (id) => { sync.retry(id); afterLocalChange(); }, dismiss: (id) => sync.dismiss(id) });
  drawOverlay();
}

function onSaveEvent(event) {
  afterLocalChange();
  if (event.type === 'saved') scheduleAnalysis();
}

window.addEventListener('beforeunload', (event) => {
  if (sync.pending === 0) return;
  event.preventDefault();
  event.returnValue = t('unsaved');
});

$('sel-similar').addEventListener('click', () => state.selected && setLabel(state.selected.i, state.selected.j, 1));
$('sel-dissimilar').addEventListener('click', () => state.selected && setLabel(state.selected.i, state.selected.j, -1));
$('sel-clear').addEventListener('click', () => state.selected && setLabel(state.selected.i, state.selected.j, 0));
$('undo').addEventListener('click', undo);

/** Marks the pressed button of a toggle group (class for the look, aria-pressed for assistive technology). */
function press(selector, pressed) {
  for (const b of document.querySelectorAll(selector)) {
    b.classList.toggle('active', b === pressed);
    b.setAttribute('aria-pressed', String(b === pressed));
  }
}

for (const button of document.querySelectorAll('[data-tool]')) {
  button.addEventListener('click', () => {
    state.tool = button.dataset.tool;
    press('[data-tool]', button);
  });
}

for (const button of document.querySelectorAll('[data-colours]')) {
  button.addEventListener('click', () => {
    if (!state.matrix) return;
    state.colours = button.dataset.colours;
    press('[data-colours]', button);
    applyColours();
  });
}

for (const button of document.querySelectorAll('[data-order]')) {
  button.addEventListener('click', async () => {
    const order = button.dataset.order;
    if (order === state.orderName || !state.matrix) return;
    try {
      showStatus(t('order.loading', button.textContent.toLowerCase()));
      state.matrix = await fetchMatrix(order, (received, total) =>
        showStatus(t('matrix.progress', megabytes(received), megabytes(total))));
      state.orderName = order;
      state.viewport = fullViewport(state.matrix.n);
      press('[data-order]', button);
      redraw();
      train.refreshView();
      compare.refreshView();
      showStatus('');
    } catch (e) {
      showStatus('');
      showError(t('order.failed', button.textContent.toLowerCase(), e.message));
    }
  });
}

const CONTROLS = 'button, a[href], summary, input, select, textarea, [role=button], [contenteditable=true]';

document.addEventListener('keydown', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const action = routeKey({
    key: event.key, repeat: event.repeat, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey,
    targetTag: target?.tagName, onControl: !!target?.closest(CONTROLS), onCanvas: target === overlay,
  }, {
    ready: !!state.matrix,
    zoomed: !!state.matrix && !isFull(state.viewport, state.matrix.n),
    viewportSize: state.viewport?.size ?? 0,
    activePair: activePair(),
    queuePair: queuePair(),
  });
  if (!action) return;
  if (action.type === 'pan') {
    state.viewport = pan(state.viewport, action.rows, action.cols, state.matrix.n);
    redraw();
  } else if (action.type === 'cursor') {
    moveCursorBy(action.rows, action.cols);
  } else if (action.type === 'select-cursor') {
    const cell = cursorCell();
    if (cell) clickCell(cell);
  } else if (action.type === 'undo') {
    undo();
  } else if (action.type === 'skip') {
    skipInQueue();
  } else {
    setLabel(action.i, action.j, action.label);
  }
  event.preventDefault();
});

// ---------- keyboard cell cursor ----------

function cursorCell() {
  if (!state.cursor) return null;
  const { row, col } = state.cursor;
  return { row, col, i: state.matrix.order[row], j: state.matrix.order[col] };
}

function moveCursorBy(rows, cols) {
  state.cursor = moveCursor(state.cursor ?? { row: state.viewport.row0, col: state.viewport.col0 }, rows, cols, state.matrix.n);
  const moved = follow(state.viewport, state.cursor.row, state.cursor.col, state.matrix.n);
  if (moved.row0 !== state.viewport.row0 || moved.col0 !== state.viewport.col0) {
    state.viewport = moved;
    draw();
  }
  drawOverlay();
  panels.cursor(cursorCell());
}

overlay.addEventListener('focus', () => {
  if (!state.matrix) return;
  state.cursorShown = true;
  if (!state.cursor) {
    const sel = state.selected;
    const { position } = state.matrix;
    state.cursor = sel ? { row: position[sel.i], col: position[sel.j] } : { row: state.viewport.row0, col: state.viewport.col0 };
  }
  moveCursorBy(0, 0);
});

overlay.addEventListener('blur', () => {
  state.cursorShown = false;
  if (state.matrix) drawOverlay();
  panels.cursor(null);
});

// ---------- pair queue ----------

// a tiled page has no matrix rows to rank, so its queue comes from the server's neighbour lists
const serverQueue = new ServerQueue(api, getJson);
let queueAsk = 0;

async function nextInQueue() {
  const q = state.queue;
  const threshold = currentThreshold(state.metrics);
  const ask = ++queueAsk;
  const current = state.tiled
    ? await serverQueue.next({ mode: q.mode, labels: state.labels, skipped: q.skipped }).catch((e) => {
      showError(t('queue.failed', e.message));
      return null;
    })
    : nextPair({ mode: q.mode, matrix: state.matrix, labels: state.labels, skipped: q.skipped, threshold, implied: q.implied });
  if (ask !== queueAsk) return;
  q.current = current;
  setActive('queue');
  panels.queue(q.current, threshold);
  drawOverlay();
}

function skipInQueue() {
  const q = state.queue;
  if (!q.current) return;
  q.skipped.add(pairKey(q.current.i, q.current.j));
  saveSkips(storage, datasetId, q.skipped);
  panels.skips(q.skipped.size);
  nextInQueue();
}

function setQueueActive(active) {
  state.queue.active = active;
  $('queue-card').hidden = !active;
  $('queue-intro').hidden = active;
  $('queue-start').hidden = active;
  $('queue-stop').hidden = !active;
  if (active) {
    nextInQueue();
  } else {
    setActive('selection');
    drawOverlay();
  }
}

/**
 * The server's consistency check: conflicts (listed as warnings) and the unlabelled pairs the +1 labels imply
 * (A~B, B~C, so A~C?), which the queue offers first.
 */
async function refreshConsistency() {
  const result = await outcome(`${api}/labels/conflicts`).catch((e) => ({ ok: false, problem: { detail: e.message } }));
  state.consistency = result.ok ? result.body : null;
  state.queue.implied = result.ok ? result.body.implied ?? [] : [];
  review.consistency(result.ok ? result.body : { error: result.problem?.detail ?? '' });
  review.list();
}

function labelQueuePair(label) {
  const q = queuePair();
  if (!q) return;
  setActive('queue');
  setLabel(q.i, q.j, label);
}

$('queue-start').addEventListener('click', async () => {
  if (!state.matrix) return;
  await refreshConsistency();
  serverQueue.reset();
  setQueueActive(true);
});
$('queue-stop').addEventListener('click', () => setQueueActive(false));
$('queue-similar').addEventListener('click', () => labelQueuePair(1));
$('queue-dissimilar').addEventListener('click', () => labelQueuePair(-1));
$('queue-skip').addEventListener('click', skipInQueue);
$('queue-forget').addEventListener('click', () => {
  state.queue.skipped.clear();
  saveSkips(storage, datasetId, state.queue.skipped);
  serverQueue.reset();
  panels.skips(0);
  if (state.queue.active) nextInQueue();
});
for (const button of document.querySelectorAll('[data-queue-mode]')) {
  button.addEventListener('click', () => {
    state.queue.mode = button.dataset.queueMode;
    press('[data-queue-mode]', button);
    if (state.queue.active) nextInQueue();
  });
}

// ---------- threshold ----------

let thresholdFrame = 0;
function onThreshold() {
  state.thresholdOn = $('threshold-on').checked;
  state.threshold = Number($('threshold').value);
  setText($('threshold-value'), state.threshold.toFixed(2));
  cancelAnimationFrame(thresholdFrame);
  thresholdFrame = requestAnimationFrame(() => {
    if (!state.matrix) return;
    const above = state.thresholdOn ? countAbove(state.matrix, state.threshold) : null;
    setText($('threshold-count'), above === null ? '' : t('threshold.count', above));
    draw();
  });
}
$('threshold').addEventListener('input', onThreshold);
$('threshold-on').addEventListener('change', onThreshold);

// ---------- losses and metrics ----------

function toggleLoss(id) {
  state.selectedLoss = state.selectedLoss === id ? null : id;
  panels.lossSelection();
  drawOverlay();
  panels.lossExplanation();
  if (state.selectedLoss) refreshLossDetail(state.analysisVersion);
}

let analysisTimer = 0;
function scheduleAnalysis() {
  clearTimeout(analysisTimer);
  analysisTimer = setTimeout(refreshAnalysis, 120);
}

const unreachable = (e) => ({ ok: false, status: 0, problem: { detail: t('loss.unreachable', e.message) } });
const needLabels = (key) => ({ ok: false, status: 422, problem: { detail: t(key) } });

/** The selected loss's per-pair contributions (its outlines, and the seed-sigmoid-bce explanation). */
async function refreshLossDetail(version) {
  const id = state.selectedLoss;
  const result = state.labels.size > 0
    ? await outcome(`${api}/loss?loss=${encodeURIComponent(id)}`).catch(unreachable)
    : needLabels('loss.needLabels');
  if (version !== state.analysisVersion || id !== state.selectedLoss) return;
  state.lossDetail = { loss: id, result };
  panels.lossExplanation();
  drawOverlay();
}

// One call gives every loss; the selected loss's contributions come with a second only while one is selected.
async function refreshAnalysis() {
  const version = ++state.analysisVersion;
  panels.recomputing(true);
  refreshConsistency();
  const hasLabels = state.labels.size > 0;
  const [losses, metrics] = await Promise.all([
    hasLabels ? outcome(`${api}/losses`).catch(unreachable) : needLabels('loss.needLabels'),
    hasLabels ? outcome(`${api}/metrics`).catch(unreachable) : needLabels('metrics.needLabels'),
    state.selectedLoss ? refreshLossDetail(version) : null,
  ]);
  if (version !== state.analysisVersion) return;
  state.lossResults = lossOutcomes(losses, state.losses.map((loss) => loss.id));
  for (const loss of state.losses) panels.loss(loss.id, state.lossResults.get(loss.id) ?? losses);
  state.metrics = metrics.ok ? metrics.body : null;
  panels.recomputing(false);
  panels.metrics(metrics);
  panels.drawCharts();
  panels.lossExplanation();
  review.list();
  drawOverlay();
  if (state.queue.active && state.queue.current) panels.queueThreshold(currentThreshold(state.metrics));
  root.dataset.analysisVersion = String(version);
}

// ---------- review and search ----------

for (const button of document.querySelectorAll('[data-review]')) {
  button.addEventListener('click', () => {
    press('[data-review]', button);
    review.setFilter(button.dataset.review);
  });
}
$('search-input').addEventListener('input', (event) => state.matrix && review.search(event.target.value));
$('search-meaning').addEventListener('click', () => review.neighbours({ text: $('search-input').value }));

// ---------- import ----------

$('import-file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file);
  try {
    showStatus(t('import.running', file.name));
    const response = await request(`${api}/labels/import`, { method: 'POST', body: form });
    const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
    sync.reset(labelList(await getJson(`${api}/labels`)));
    afterLocalChange();
    const count = body?.imported ?? body?.labels ?? body?.count;
    showStatus(Number.isFinite(count) ? t('import.done', count, file.name) : t('import.doneNoCount', file.name));
    scheduleAnalysis();
  } catch (e) {
    showStatus('');
    showError(t('import.failed', file.name, e.message));
  } finally {
    event.target.value = '';
  }
});

// Read-only inspection hook for the browser tests and the console: what the page holds right now.
window.simexplorer = {
  labels: () => state.labels.all(),
  pendingSaves: () => sync.pending,
  failures: () => sync.failures,
  // the heatmap's zoom, and for a tiled one the level drawn and the visible tiles still loading
  heatmap: () => ({
    viewport: state.viewport,
    tiled: !!state.matrix?.tiled,
    level: state.matrix?.tiled ? levelFor(state.matrix.finest, state.viewport.size, view.W) : null,
    finest: state.matrix?.finest ?? null,
    pendingTiles: pendingTiles(),
  }),
};

init();

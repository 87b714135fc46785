// The dataset page: heatmap, labelling, pair queue, neighbours, losses and metrics.
// Browser-only glue; the logic it calls lives in the tested modules next to it. Sentence text is only
// ever written through textContent.

import { decodeMatrix, matrixFromJson, offDiagonalRange } from './matrix.js';
import { buildLut, makeScale, domainFor, legendTicks } from './colour.js';
import { renderViewport } from './grid.js';
import { fullViewport, isFull, zoomAt, zoomToRegion, pan } from './viewport.js';
import { cellAt, cellRect, fractionalCellAt } from './hittest.js';
import { LabelStore, actionForKey, pairKey } from './labels.js';
import { rankPairs, currentThreshold } from './queue.js';
import { nearestNeighbours, countAbove } from './neighbours.js';
import { histogram, rocCurve } from './charts.js';
import { topContributions, describeLossOutcome, sigmoidBceExplanation, formatValue } from './losses.js';
import { getJson, sendJson, request, outcome, sentenceTexts, labelList } from './api.js';
import { el, clear, setText } from './dom.js';

const $ = (id) => document.getElementById(id);
// UI text from messages.properties (js.* keys), rendered into the page as JSON by the server.
const TEXT = JSON.parse($('ui-text')?.textContent || '{}');
const t = (key, ...args) => (TEXT[key] ?? key).replace(/\{(\d+)\}/g, (_, k) => String(args[Number(k)]));
const root = $('explorer');
const datasetId = root.dataset.datasetId;
const api = `/api/datasets/${encodeURIComponent(datasetId)}`;

const heatmap = $('heatmap');
const overlay = $('overlay');
const W = heatmap.width;
const H = heatmap.height;
const heatCtx = heatmap.getContext('2d');
const overCtx = overlay.getContext('2d');
const image = heatCtx.createImageData(W, H);
const lut = buildLut();

const state = {
  sentences: [],
  matrices: {},
  orderName: 'input',
  matrix: null,
  viewport: null,
  scale: null,
  labels: new LabelStore(),
  selected: null,
  tool: 'select',
  metrics: null,
  losses: [],
  lossResults: new Map(),
  selectedLoss: null,
  thresholdOn: false,
  threshold: 0.5,
  drag: null,
  queue: { active: false, current: null, skipped: new Set() },
  analysisVersion: 0,
  charts: {},
};

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

async function fetchMatrix(order) {
  if (state.matrices[order]) return state.matrices[order];
  const response = await request(`${api}/similarity?order=${order}&format=int16`);
  const type = response.headers.get('Content-Type') || '';
  const matrix = type.includes('json') ? matrixFromJson(await response.json()) : decodeMatrix(await response.arrayBuffer());
  state.matrices[order] = matrix;
  return matrix;
}

async function init() {
  try {
    const [dataset, matrix, labels] = await Promise.all([
      getJson(api),
      fetchMatrix('input'),
      getJson(`${api}/labels`),
    ]);
    state.sentences = sentenceTexts(dataset);
    state.labels = new LabelStore(labelList(labels));
    state.matrix = matrix;
    state.viewport = fullViewport(matrix.n);
    const domain = domainFor(offDiagonalRange(matrix));
    state.scale = makeScale(domain.lo, domain.hi, 256);
    $('threshold').min = String(domain.lo);
    drawLegend();
    draw();
    drawOverlay();
    updateLabelCount();
    $('heatmap-loading').hidden = true;
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
  buildLossRows();
  refreshAnalysis();
}

// ---------- drawing ----------

function draw() {
  const dim = state.thresholdOn ? state.threshold : null;
  renderViewport(state.matrix, state.viewport, W, H, lut, state.scale, image.data, dim);
  heatCtx.putImageData(image, 0, 0);
  const v = state.viewport;
  const full = isFull(v, state.matrix.n);
  $('reset-zoom').disabled = full;
  setText($('zoom-info'), full
    ? t('zoom.full', state.matrix.n)
    : t('zoom.part', v.row0 + 1, v.row0 + v.size, v.col0 + 1, v.col0 + v.size, state.matrix.n));
}

function drawLegend() {
  const canvas = $('legend');
  const ctx = canvas.getContext('2d');
  const { lo, hi } = state.scale;
  for (let y = 0; y < canvas.height; y++) {
    const value = hi - (y / (canvas.height - 1)) * (hi - lo);
    const k = state.scale.index(value) * 4;
    ctx.fillStyle = `rgb(${lut[k]}, ${lut[k + 1]}, ${lut[k + 2]})`;
    ctx.fillRect(0, y, canvas.width, 1);
  }
  const ticks = clear($('legend-ticks'));
  for (const t of legendTicks(lo, hi, 7)) {
    const tick = el('span', { text: t.toFixed(2) });
    tick.style.top = `${((hi - t) / (hi - lo)) * 100}%`;
    ticks.append(tick);
  }
}

function rectsOfPair(i, j) {
  const { position } = state.matrix;
  const rects = [];
  const a = cellRect(position[i], position[j], W, H, state.viewport);
  const b = cellRect(position[j], position[i], W, H, state.viewport);
  if (a) rects.push(a);
  if (b) rects.push(b);
  return rects;
}

function grow(rect, min) {
  if (rect.w >= min) return rect;
  const d = (min - rect.w) / 2;
  return { x: rect.x - d, y: rect.y - d, w: min, h: min };
}

function drawOverlay() {
  overCtx.clearRect(0, 0, W, H);
  if (!state.matrix) return;
  // outlines of the selected loss's largest contributions
  if (state.selectedLoss) {
    const result = state.lossResults.get(state.selectedLoss);
    if (result?.ok) {
      overCtx.strokeStyle = '#ff8c00';
      overCtx.lineWidth = 2;
      for (const p of topContributions(result.body, 20)) {
        for (const r of rectsOfPair(p.i, p.j)) {
          const g = grow(r, 8);
          overCtx.strokeRect(g.x + 1, g.y + 1, g.w - 2, g.h - 2);
        }
      }
    }
  }
  // label marks
  for (const { i, j, label } of state.labels.all()) {
    const pending = state.labels.state(i, j) === 'pending';
    for (const r of rectsOfPair(i, j)) drawMark(r, label, pending);
  }
  // selection (the queue's pair when the queue runs)
  const sel = state.queue.active && state.queue.current ? state.queue.current : state.selected;
  if (sel) {
    for (const r of rectsOfPair(sel.i, sel.j)) {
      const g = grow(r, 10);
      overCtx.lineWidth = 2;
      overCtx.strokeStyle = '#000';
      overCtx.strokeRect(g.x - 1, g.y - 1, g.w + 2, g.h + 2);
      overCtx.strokeStyle = '#fff';
      overCtx.strokeRect(g.x + 1, g.y + 1, g.w - 2, g.h - 2);
    }
  }
  if (state.drag?.moved) {
    const { x0, y0, x1, y1 } = state.drag;
    overCtx.fillStyle = 'rgba(59, 91, 219, 0.15)';
    overCtx.strokeStyle = '#3b5bdb';
    overCtx.lineWidth = 1;
    overCtx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    overCtx.strokeRect(Math.min(x0, x1) + 0.5, Math.min(y0, y1) + 0.5, Math.abs(x1 - x0), Math.abs(y1 - y0));
  }
}

function drawMark(r, label, pending) {
  const colour = label === 1 ? '#1f9d55' : '#d6336c';
  if (r.w >= 12) {
    const cx = r.x + r.w / 2;
    const cy = r.y + r.h / 2;
    const radius = Math.min(r.w, r.h) * 0.36;
    overCtx.beginPath();
    overCtx.arc(cx, cy, radius, 0, 2 * Math.PI);
    overCtx.fillStyle = pending ? 'rgba(255,255,255,0.6)' : '#fff';
    overCtx.fill();
    overCtx.lineWidth = Math.max(1.5, radius * 0.3);
    overCtx.strokeStyle = colour;
    overCtx.beginPath();
    overCtx.moveTo(cx - radius * 0.6, cy);
    overCtx.lineTo(cx + radius * 0.6, cy);
    if (label === 1) {
      overCtx.moveTo(cx, cy - radius * 0.6);
      overCtx.lineTo(cx, cy + radius * 0.6);
    }
    overCtx.stroke();
  } else {
    const g = grow(r, 4);
    overCtx.fillStyle = pending ? '#fff' : colour;
    overCtx.fillRect(g.x, g.y, g.w, g.h);
  }
}

// ---------- pointer ----------

function canvasPoint(event) {
  const box = overlay.getBoundingClientRect();
  return { x: ((event.clientX - box.left) * W) / box.width, y: ((event.clientY - box.top) * H) / box.height };
}

function hit(point) {
  return cellAt(Math.floor(point.x), Math.floor(point.y), W, H, state.viewport, state.matrix.order);
}

overlay.addEventListener('mousemove', (event) => {
  if (!state.matrix) return;
  const p = canvasPoint(event);
  if (state.drag) {
    state.drag.x1 = p.x;
    state.drag.y1 = p.y;
    if (Math.abs(p.x - state.drag.x0) + Math.abs(p.y - state.drag.y0) > 6) state.drag.moved = true;
    if (state.drag.moved) drawOverlay();
  }
  showTooltip(hit(p), event);
});

overlay.addEventListener('mouseleave', () => { $('tooltip').hidden = true; });

overlay.addEventListener('mousedown', (event) => {
  if (!state.matrix || event.button !== 0) return;
  const p = canvasPoint(event);
  state.drag = { x0: p.x, y0: p.y, x1: p.x, y1: p.y, moved: false };
});

window.addEventListener('mouseup', (event) => {
  const drag = state.drag;
  state.drag = null;
  if (!drag || !state.matrix) return;
  if (drag.moved) {
    const a = hit({ x: clamp(drag.x0, 0, W - 1), y: clamp(drag.y0, 0, H - 1) });
    const b = hit({ x: clamp(drag.x1, 0, W - 1), y: clamp(drag.y1, 0, H - 1) });
    state.viewport = zoomToRegion(a.row, a.col, b.row, b.col, state.matrix.n);
    draw();
    drawOverlay();
  } else if (event.target === overlay) {
    const cell = hit(canvasPoint(event));
    if (cell) clickCell(cell);
  }
});

overlay.addEventListener('wheel', (event) => {
  if (!state.matrix) return;
  event.preventDefault();
  const p = canvasPoint(event);
  const anchor = fractionalCellAt(p.x, p.y, W, H, state.viewport);
  const factor = event.deltaY < 0 ? 0.8 : 1.25;
  state.viewport = zoomAt(state.viewport, anchor.row, anchor.col, factor, state.matrix.n);
  draw();
  drawOverlay();
}, { passive: false });

$('reset-zoom').addEventListener('click', () => {
  state.viewport = fullViewport(state.matrix.n);
  draw();
  drawOverlay();
});

function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}

function showTooltip(cell, event) {
  const tip = $('tooltip');
  if (!cell) {
    tip.hidden = true;
    return;
  }
  const label = state.labels.get(cell.i, cell.j);
  setText($('tooltip-similarity'), t('cosine', state.matrix.atCell(cell.row, cell.col).toFixed(3)));
  const mark = $('tooltip-label');
  setText(mark, cell.i === cell.j ? '' : label === 1 ? t('label.similar') : label === -1 ? t('label.dissimilar') : '');
  mark.className = `mark ${label === 1 ? 'pos' : label === -1 ? 'neg' : ''}`;
  setText($('tooltip-i'), `#${cell.i}`);
  setText($('tooltip-a'), state.sentences[cell.i] ?? '');
  setText($('tooltip-j'), `#${cell.j}`);
  setText($('tooltip-b'), state.sentences[cell.j] ?? '');
  tip.hidden = false;
  const x = Math.min(event.clientX + 16, window.innerWidth - tip.offsetWidth - 8);
  const y = Math.min(event.clientY + 16, window.innerHeight - tip.offsetHeight - 8);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}

// ---------- selection and labelling ----------

function clickCell(cell) {
  select(cell.i, cell.j);
  if (state.tool !== 'select' && cell.i !== cell.j) setLabel(cell.i, cell.j, Number(state.tool));
}

function select(i, j) {
  state.selected = { i, j };
  renderSelection();
  renderNeighbours();
  drawOverlay();
}

function renderSelection() {
  const sel = state.selected;
  $('selection-empty').hidden = !!sel;
  $('selection').hidden = !sel;
  $('undo').disabled = !state.labels.canUndo;
  if (!sel) return;
  setText($('sel-i'), `#${sel.i}`);
  setText($('sel-a'), state.sentences[sel.i] ?? '');
  setText($('sel-j'), `#${sel.j}`);
  setText($('sel-b'), state.sentences[sel.j] ?? '');
  setText($('sel-similarity'), state.matrix.at(sel.i, sel.j).toFixed(3));
  const label = state.labels.get(sel.i, sel.j);
  const labelNode = $('sel-label');
  setText(labelNode, t(sel.i === sel.j ? 'selection.diagonal' : label === 1 ? 'selection.similar' : label === -1 ? 'selection.dissimilar' : 'selection.none'));
  labelNode.className = `mark ${label === 1 ? 'pos' : label === -1 ? 'neg' : ''}`;
  const diagonal = sel.i === sel.j;
  $('sel-similar').disabled = diagonal;
  $('sel-dissimilar').disabled = diagonal;
  $('sel-clear').disabled = diagonal || label === 0;
}

function setLabel(i, j, label) {
  if (i === j) return;
  const change = state.labels.set(i, j, label);
  if (!change) return;
  afterLocalChange();
  if (state.queue.active) nextInQueue();
  save(change, 'saveFailed');
}

function undo() {
  const change = state.labels.undo();
  if (!change) return;
  afterLocalChange();
  save(change, 'undoFailed');
}

function afterLocalChange() {
  renderSelection();
  renderNeighbours();
  updateLabelCount();
  drawOverlay();
}

async function save(change, failureKey) {
  try {
    await sendJson('PUT', `${api}/labels`, [{ i: change.i, j: change.j, label: change.label }]);
    state.labels.markSaved(change.i, change.j);
    $('error-banner').hidden = true;
  } catch (e) {
    state.labels.revert(change);
    showError(t(failureKey, change.i, change.j, e.message));
  }
  afterLocalChange();
  scheduleAnalysis();
}

function updateLabelCount() {
  setText($('label-count'), String(state.labels.size));
}

$('sel-similar').addEventListener('click', () => state.selected && setLabel(state.selected.i, state.selected.j, 1));
$('sel-dissimilar').addEventListener('click', () => state.selected && setLabel(state.selected.i, state.selected.j, -1));
$('sel-clear').addEventListener('click', () => state.selected && setLabel(state.selected.i, state.selected.j, 0));
$('undo').addEventListener('click', undo);

for (const button of document.querySelectorAll('[data-tool]')) {
  button.addEventListener('click', () => {
    state.tool = button.dataset.tool;
    for (const b of document.querySelectorAll('[data-tool]')) b.classList.toggle('active', b === button);
  });
}

for (const button of document.querySelectorAll('[data-order]')) {
  button.addEventListener('click', async () => {
    const order = button.dataset.order;
    if (order === state.orderName || !state.matrix) return;
    try {
      showStatus(t('order.loading', button.textContent.toLowerCase()));
      state.matrix = await fetchMatrix(order);
      state.orderName = order;
      state.viewport = fullViewport(state.matrix.n);
      for (const b of document.querySelectorAll('[data-order]')) b.classList.toggle('active', b === button);
      draw();
      drawOverlay();
      showStatus('');
    } catch (e) {
      showStatus('');
      showError(t('order.failed', button.textContent.toLowerCase(), e.message));
    }
  });
}

document.addEventListener('keydown', (event) => {
  const tag = event.target?.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (!state.matrix) return;
  if (event.key.startsWith('Arrow') && !isFull(state.viewport, state.matrix.n)) {
    const step = Math.max(1, Math.round(state.viewport.size / 8));
    const d = { ArrowUp: [-step, 0], ArrowDown: [step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] }[event.key];
    state.viewport = pan(state.viewport, d[0], d[1], state.matrix.n);
    draw();
    drawOverlay();
    event.preventDefault();
    return;
  }
  const action = actionForKey(event.key);
  if (!action) return;
  if (action.type === 'undo') {
    undo();
  } else if (state.queue.active && state.queue.current) {
    const { i, j } = state.queue.current;
    if (action.type === 'skip') skipInQueue();
    else setLabel(i, j, action.label);
  } else if (action.type === 'label' && state.selected) {
    setLabel(state.selected.i, state.selected.j, action.label);
  } else {
    return;
  }
  event.preventDefault();
});

// ---------- pair queue ----------

function nextInQueue() {
  const q = state.queue;
  const threshold = currentThreshold(state.metrics);
  const ranked = rankPairs(state.matrix, state.labels, threshold, { limit: 1, skipped: q.skipped });
  q.current = ranked[0] ?? null;
  $('queue-done').hidden = !!q.current;
  for (const id of ['queue-similar', 'queue-dissimilar', 'queue-skip']) $(id).disabled = !q.current;
  if (q.current) {
    const { i, j, similarity, reason } = q.current;
    setText($('queue-reason'), t(`queue.${reason}`));
    setText($('queue-i'), `#${i}`);
    setText($('queue-a'), state.sentences[i] ?? '');
    setText($('queue-j'), `#${j}`);
    setText($('queue-b'), state.sentences[j] ?? '');
    setText($('queue-similarity'), similarity.toFixed(3));
  } else {
    for (const id of ['queue-reason', 'queue-i', 'queue-a', 'queue-j', 'queue-b', 'queue-similarity']) setText($(id), '');
  }
  setText($('queue-threshold'), threshold.toFixed(3));
  drawOverlay();
}

function skipInQueue() {
  const q = state.queue;
  if (!q.current) return;
  q.skipped.add(pairKey(q.current.i, q.current.j));
  nextInQueue();
}

function setQueueActive(active) {
  state.queue.active = active;
  $('queue-card').hidden = !active;
  $('queue-intro').hidden = active;
  $('queue-start').hidden = active;
  $('queue-stop').hidden = !active;
  if (active) nextInQueue();
  else drawOverlay();
}

$('queue-start').addEventListener('click', () => state.matrix && setQueueActive(true));
$('queue-stop').addEventListener('click', () => setQueueActive(false));
$('queue-similar').addEventListener('click', () => state.queue.current && setLabel(state.queue.current.i, state.queue.current.j, 1));
$('queue-dissimilar').addEventListener('click', () => state.queue.current && setLabel(state.queue.current.i, state.queue.current.j, -1));
$('queue-skip').addEventListener('click', skipInQueue);

// ---------- neighbours and threshold ----------

function renderNeighbours() {
  const list = clear($('neighbours'));
  const sel = state.selected;
  $('neighbours-empty').hidden = !!sel;
  $('neighbours-of').hidden = !sel;
  if (!sel) return;
  const i = sel.i;
  const of = clear($('neighbours-of'));
  of.append(el('span', { class: 'idx', text: `#${i}` }), ' ', el('strong', { text: state.sentences[i] ?? '' }));
  for (const { j, similarity } of nearestNeighbours(state.matrix, i, 10)) {
    const label = state.labels.get(i, j);
    const item = el('li', { title: t('neighbour.select'), onclick: () => select(i, j) },
      el('span', { class: 'sim', text: similarity.toFixed(3) }),
      label ? el('span', { class: `mark ${label === 1 ? 'pos' : 'neg'}`, text: label === 1 ? '+ ' : '− ' }) : null,
      el('span', { text: state.sentences[j] ?? '' }));
    list.append(item);
  }
}

let thresholdFrame = 0;
function onThreshold() {
  state.thresholdOn = $('threshold-on').checked;
  state.threshold = Number($('threshold').value);
  setText($('threshold-value'), state.threshold.toFixed(2));
  cancelAnimationFrame(thresholdFrame);
  thresholdFrame = requestAnimationFrame(() => {
    if (!state.matrix) return;
    setText($('threshold-count'), state.thresholdOn ? t('threshold.count', countAbove(state.matrix, state.threshold)) : '');
    draw();
  });
}
$('threshold').addEventListener('input', onThreshold);
$('threshold-on').addEventListener('change', onThreshold);

// ---------- losses and metrics ----------

function buildLossRows() {
  const body = clear($('loss-rows'));
  for (const loss of state.losses) {
    const row = el('tr', { 'data-loss': loss.id, title: loss.formula ?? loss.description ?? '' },
      el('td', {}, el('code', { text: loss.id })),
      el('td', { class: 'num loss-value', text: '—' }));
    row.addEventListener('click', () => {
      state.selectedLoss = state.selectedLoss === loss.id ? null : loss.id;
      for (const r of body.children) r.classList.toggle('selected', r.dataset.loss === state.selectedLoss);
      drawOverlay();
    });
    body.append(row);
  }
}

let analysisTimer = 0;
function scheduleAnalysis() {
  clearTimeout(analysisTimer);
  analysisTimer = setTimeout(refreshAnalysis, 120);
}

async function refreshAnalysis() {
  const version = ++state.analysisVersion;
  const hasLabels = state.labels.size > 0;
  const lossJobs = state.losses.map(async (loss) => {
    const result = hasLabels
      ? await outcome(`${api}/loss?loss=${encodeURIComponent(loss.id)}`).catch((e) => ({ ok: false, status: 0, problem: { detail: t('loss.unreachable', e.message) } }))
      : { ok: false, status: 422, problem: { detail: t('loss.needLabels') } };
    if (version !== state.analysisVersion) return;
    state.lossResults.set(loss.id, result);
    renderLoss(loss.id, result);
  });
  const metricsJob = hasLabels
    ? outcome(`${api}/metrics`).catch((e) => ({ ok: false, status: 0, problem: { detail: t('loss.unreachable', e.message) } }))
    : Promise.resolve({ ok: false, status: 422, problem: { detail: t('metrics.needLabels') } });
  const metrics = await metricsJob;
  await Promise.all(lossJobs);
  if (version !== state.analysisVersion) return;
  state.metrics = metrics.ok ? metrics.body : null;
  renderMetrics(metrics);
  renderCharts();
  renderLossExplanation();
  drawOverlay();
  if (state.queue.active && state.queue.current) setText($('queue-threshold'), currentThreshold(state.metrics).toFixed(3));
  root.dataset.analysisVersion = String(version);
}

function renderLoss(id, result) {
  const row = document.querySelector(`#loss-rows tr[data-loss="${CSS.escape(id)}"]`);
  if (!row) return;
  const cell = row.querySelector('.loss-value');
  const shown = describeLossOutcome(result);
  const noLabels = state.labels.size === 0;
  cell.className = `num loss-value ${shown.state === 'value' ? '' : shown.state}`;
  clear(cell);
  cell.append(el('span', { class: 'loss-number', text: noLabels ? '—' : shown.text }));
  if (shown.state !== 'value' && !noLabels) cell.append(el('span', { class: 'loss-reason', text: shown.detail }));
  cell.title = shown.detail;
}

function renderLossExplanation() {
  const box = $('loss-explanation');
  const result = state.lossResults.get('seed-sigmoid-bce');
  const why = result?.ok ? sigmoidBceExplanation(result.body) : null;
  box.hidden = !why;
  if (!why) return;
  const text = why.kind === 'saturated' ? t('sigmoid.saturated', why.saturated, why.pairs)
    : why.kind === 'narrow' ? t('sigmoid.narrow', why.maxAbs.toFixed(2), why.floor.toFixed(3))
      : t('sigmoid.high', formatValue(result.body.value), why.maxAbs.toFixed(2));
  setText(box, text);
}

function pct(v) {
  return Number.isFinite(v) ? v.toFixed(3) : '—';
}

function renderMetrics(result) {
  const m = result.ok ? result.body : null;
  setText($('m-pairs'), m ? `${m.pairs}` : String(state.labels.size || '—'));
  if (m) $('m-pairs').append(el('small', { text: t('metrics.positivesNegatives', m.positives, m.negatives) }));
  setText($('m-auc'), pct(m?.rocAuc));
  setText($('m-ap'), pct(m?.averagePrecision));
  setText($('m-accuracy'), pct(m?.accuracy));
  if (m && Number.isFinite(m.accuracyThreshold)) $('m-accuracy').append(el('small', { text: t('metrics.at', m.accuracyThreshold.toFixed(3)) }));
  setText($('m-f1'), pct(m?.f1));
  if (m && Number.isFinite(m.f1Threshold)) {
    $('m-f1').append(el('small', { text: t('metrics.f1At', m.f1Threshold.toFixed(3), pct(m.precision), pct(m.recall)) }));
  }
  setText($('metrics-note'), m ? '' : result.problem?.detail ?? '');
}

function renderCharts() {
  const Chart = window.Chart;
  if (!Chart || !state.matrix) return;
  const pos = [];
  const neg = [];
  for (const { i, j, label } of state.labels.all()) (label === 1 ? pos : neg).push(state.matrix.at(i, j));
  const range = { min: Math.floor(state.scale.lo * 10) / 10, max: 1, count: 24 };
  const hp = histogram(pos, range);
  const hn = histogram(neg, range);
  const labels = hp.edges.slice(0, -1).map((e, k) => ((e + hp.edges[k + 1]) / 2).toFixed(2));
  const histData = {
    labels,
    datasets: [
      { label: t('chart.similar'), data: hp.counts, backgroundColor: 'rgba(31, 157, 85, 0.6)' },
      { label: t('chart.dissimilar'), data: hn.counts, backgroundColor: 'rgba(214, 51, 108, 0.6)' },
    ],
  };
  const roc = rocCurve([...pos, ...neg], [...pos.map(() => 1), ...neg.map(() => -1)]);
  const rocData = {
    datasets: [
      { label: roc.auc === null ? t('chart.rocNeedsBoth') : t('chart.rocAuc', roc.auc.toFixed(3)), data: roc.points.map((p) => ({ x: p.fpr, y: p.tpr })),
        showLine: true, borderColor: '#3b5bdb', backgroundColor: '#3b5bdb', pointRadius: 2 },
      { label: t('chart.chance'), data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, borderColor: '#c5cad3', borderDash: [4, 4], pointRadius: 0 },
    ],
  };
  if (!state.charts.histogram) {
    state.charts.histogram = new Chart($('histogram-chart'), {
      type: 'bar',
      data: histData,
      options: {
        animation: false, maintainAspectRatio: false,
        plugins: { title: { display: true, text: t('chart.histogram') } },
        scales: { x: { stacked: false, title: { display: true, text: t('chart.cosine') }, ticks: { maxTicksLimit: 8 } },
          y: { beginAtZero: true, title: { display: true, text: t('chart.pairs') }, ticks: { precision: 0 } } },
      },
    });
    state.charts.roc = new Chart($('roc-chart'), {
      type: 'scatter',
      data: rocData,
      options: {
        animation: false, maintainAspectRatio: false,
        plugins: { title: { display: true, text: t('chart.roc') } },
        scales: { x: { min: 0, max: 1, title: { display: true, text: t('chart.fpr') } },
          y: { min: 0, max: 1, title: { display: true, text: t('chart.tpr') } } },
      },
    });
  } else {
    state.charts.histogram.data = histData;
    state.charts.histogram.update();
    state.charts.roc.data = rocData;
    state.charts.roc.update();
  }
}

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
    state.labels = new LabelStore(labelList(await getJson(`${api}/labels`)));
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

init();

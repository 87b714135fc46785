// The dataset page's toolbar wiring: the click tool, the colour scale, the order, the threshold slider, the review
// filters, the sentence search and the labels import. Each control calls the page; the work is elsewhere.

import { countAbove } from './neighbours.js';
import { importLabels } from './label-import.js';
import { getJson, request, labelList } from './api.js';
import { fullViewport } from './viewport.js';
import { setText } from './dom.js';

/** Marks the pressed button of a toggle group (class for the look, aria-pressed for assistive technology). */
export function press(selector, pressed) {
  for (const b of document.querySelectorAll(selector)) {
    b.classList.toggle('active', b === pressed);
    b.setAttribute('aria-pressed', String(b === pressed));
  }
}

/**
 * page: {$, t, state, api, draw(), redraw(), applyColours(), review (ReviewPanel), loader (TileLoader), sync
 * (LabelSync), showStatus(text), showError(text), progressText(received, total), refreshViews() (the panels that
 * show a view in the page's order), labelsReloaded()}
 */
export function wireControls(page) {
  const { $, t, state, draw, applyColours, review } = page;
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
    button.addEventListener('click', () => {
      if (button.dataset.order !== state.orderName && state.matrix) switchOrder(page, button.dataset.order, button);
    });
  }

  let thresholdFrame = 0;
  const onThreshold = () => {
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
  };
  $('threshold').addEventListener('input', onThreshold);
  $('threshold-on').addEventListener('change', onThreshold);

  for (const button of document.querySelectorAll('[data-review]')) {
    button.addEventListener('click', () => {
      press('[data-review]', button);
      review.setFilter(button.dataset.review);
    });
  }
  $('search-input').addEventListener('input', (event) => state.matrix && review.search(event.target.value));
  $('search-meaning').addEventListener('click', () => review.neighbours({ text: $('search-input').value }));

  $('import-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      await importFile(page, file);
    } finally {
      event.target.value = '';
    }
  });
}

/** Shows the heatmap in another order: its matrix is fetched once, then kept. */
async function switchOrder({ t, state, loader, redraw, showStatus, showError, progressText, refreshViews }, order, button) {
  const name = button.textContent.toLowerCase();
  try {
    showStatus(t('order.loading', name));
    state.matrix = await loader.matrix(order, (received, total) => showStatus(progressText(received, total)));
    state.orderName = order;
    state.viewport = fullViewport(state.matrix.n);
    press('[data-order]', button);
    redraw();
    refreshViews();
    showStatus('');
  } catch (e) {
    showStatus('');
    showError(t('order.failed', name, e.message));
  }
}

/** Imports a labels file, then reloads the page's labels from the server. */
async function importFile({ t, api, sync, showStatus, showError, labelsReloaded }, file) {
  try {
    showStatus(t('import.running', file.name));
    const count = await importLabels(api, file, request);
    sync.reset(labelList(await getJson(`${api}/labels`)));
    labelsReloaded();
    showStatus(count !== null ? t('import.done', count, file.name) : t('import.doneNoCount', file.name));
  } catch (e) {
    showStatus('');
    showError(t('import.failed', file.name, e.message));
  }
}

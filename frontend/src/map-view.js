// The map card's DOM layer: a Chart.js scatter of the sentences (PCA from the server, UMAP from umap-worker.js on
// the page's matrix, or on the server's seeded sample for a large or tiled dataset), coloured by cluster, with
// labelled pairs as segments, and its selection linked with the heatmap's. The logic it relies on lives in map.js,
// umap-layout.js and map-sample.js (tested with node).

import { scatterPoints, clusterColours, labelSegments, clampK, defaultK, highlighted, pointStyles, shortened }
  from './map.js';
import { umapProblem, UMAP_MAX_SENTENCES } from './umap-layout.js';
import { mapSampleQuery } from './map-sample.js';
import { MARK_COLOURS } from './marks.js';
import { getJson, request } from './api.js';
import { setText } from './dom.js';
import { createMapChart } from './map-chart-view.js';

export class MapPanel {
  /**
   * @param page.sentences () => the sentence texts
   * @param page.labels () => [{i, j, label}] the page's labels
   * @param page.inputMatrix () => the cosine matrix in input order, for UMAP (no values on a tiled page)
   * @param page.selectSentence (i) => shows sentence i's row on the heatmap
   */
  constructor({ $, t, datasetId, page }) {
    this.$ = $;
    this.t = t;
    this.api = `/api/datasets/${encodeURIComponent(datasetId)}`;
    this.page = page;
    this.points = {};
    this.method = 'pca';
    this.clusters = null;
    this.lit = [];
    this.chart = null;
    this.worker = null;
    this.started = false;
  }

  /** Wires the controls; the map itself loads once the card scrolls into view, so a page visit costs nothing. */
  init(n) {
    const { $ } = this;
    this.n = n;
    $('map-k').max = String(n);
    $('map-k').value = String(defaultK(n));
    for (const button of document.querySelectorAll('[data-map-method]')) {
      button.addEventListener('click', () => this.show(button.dataset.mapMethod));
    }
    let timer = 0;
    $('map-k').addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.recolour(), 300);
    });
    $('map-pairs').addEventListener('change', () => this.draw());
    const start = () => {
      if (this.started) return;
      this.started = true;
      this.show('pca');
    };
    if (!('IntersectionObserver' in window)) return start();
    const watcher = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      watcher.disconnect();
      start();
    });
    watcher.observe($('map-panel'));
  }

  async show(method) {
    const { $, t } = this;
    this.started = true;
    const problem = method === 'umap' ? umapProblem(this.n) : null;
    if (problem) {
      // the map stays on PCA and says why
      setText($('map-status'), t(problem, this.n));
      return;
    }
    for (const b of document.querySelectorAll('[data-map-method]')) {
      b.classList.toggle('active', b.dataset.mapMethod === method);
      b.setAttribute('aria-pressed', String(b.dataset.mapMethod === method));
    }
    if (method !== 'umap') this.stopUmap();
    this.method = method;
    try {
      if (!this.clusters) await this.loadClusters();
      if (!this.points[method]) {
        if (method === 'umap') {
          this.runUmap();
          return;
        }
        setText($('map-status'), t('map.loading.pca'));
        this.points.pca = (await getJson(`${this.api}/projection?method=pca`)).points;
      }
      const sampled = method === 'umap' && this.umapSampled;
      setText($('map-status'), sampled ? t('map.shown.umapSampled', this.points.umap.length, this.umapSampled)
        : t(`map.shown.${method}`, this.points[method].length));
      this.draw();
    } catch (e) {
      setText($('map-status'), t('map.failed', e.message));
    }
  }

  async loadClusters() {
    const k = clampK(this.$('map-k').value, this.n);
    this.$('map-k').value = String(k);
    this.clusters = { k, cluster: (await getJson(`${this.api}/clusters?k=${k}`)).cluster };
  }

  async recolour() {
    try {
      await this.loadClusters();
      this.draw();
    } catch (e) {
      setText(this.$('map-status'), this.t('map.failed', e.message));
    }
  }

  async runUmap() {
    const { $, t } = this;
    if (this.worker) return;
    const matrix = this.page.inputMatrix();
    // a tiled page holds no matrix rows, and past UMAP_MAX_SENTENCES the browser would be slow: the server's
    // seeded sample and its neighbour lists stand in
    let message;
    if (matrix?.values && this.n <= UMAP_MAX_SENTENCES) {
      const order = Int32Array.from(matrix.order);
      const values = matrix.values.slice();
      message = [{ n: matrix.n, order, values, seed: 0 }, [order.buffer, values.buffer]];
    } else {
      setText($('map-status'), t('map.umap.sampling'));
      // holds the worker's place while the body downloads, so a second click starts nothing
      const fetching = {};
      this.worker = fetching;
      try {
        const response = await request(`${this.api}/map-sample?${mapSampleQuery()}`,
          { headers: { Accept: 'application/octet-stream' } });
        const sample = await response.arrayBuffer();
        message = [{ sample, seed: 0 }, [sample]];
      } catch (e) {
        if (this.worker === fetching) this.worker = null;
        setText($('map-status'), t('map.failed', e.message));
        return;
      }
      // switched to PCA meanwhile: stopUmap let go of the place
      if (this.worker !== fetching) return;
    }
    const bar = $('map-progress');
    bar.hidden = false;
    bar.value = 0;
    setText($('map-status'), t('map.umap.neighbours'));
    this.worker = new Worker(new URL('./umap-worker.js', import.meta.url));
    this.worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        if (data.phase === 'epochs') {
          bar.max = data.epochs;
          bar.value = data.epoch;
          setText($('map-status'), t('map.umap.epoch', data.epoch, data.epochs));
        } else {
          setText($('map-status'), t(`map.umap.${data.phase}`));
        }
        return;
      }
      this.stopUmap();
      if (data.type === 'done') {
        this.points.umap = data.points;
        // UMAP ran on a sample only when some sentences were placed by their neighbours
        this.umapSampled = data.sampled < data.points.length ? data.sampled : 0;
        if (this.method === 'umap') this.show('umap');
      } else {
        setText($('map-status'), t('map.failed', data.message));
      }
    };
    this.worker.onerror = (event) => {
      this.stopUmap();
      setText($('map-status'), t('map.failed', event.message ?? ''));
    };
    this.worker.postMessage(...message);
  }

  stopUmap() {
    this.worker?.terminate?.();
    this.worker = null;
    this.$('map-progress').hidden = true;
  }

  /** The heatmap's selection {i, j} (or null), lit up on the map. */
  highlight(selected) {
    this.lit = highlighted(selected);
    this.$('map-box').dataset.selected = this.lit.join(',');
    if (!this.chart) return;
    Object.assign(this.chart.data.datasets[0], this.styles());
    this.chart.update('none');
  }

  /** Labels changed on the page: redraw the pair segments. */
  labelsChanged() {
    if (this.chart) this.draw();
  }

  styles() {
    const s = pointStyles(clusterColours(this.clusters.cluster), this.lit);
    return { backgroundColor: s.backgroundColor, pointBackgroundColor: s.backgroundColor, pointRadius: s.radius,
      pointHoverRadius: s.radius.map((r) => r + 2), pointBorderColor: s.borderColor, pointBorderWidth: s.borderWidth };
  }

  draw() {
    const { $, t } = this;
    const points = this.points[this.method];
    const Chart = window.Chart;
    if (!points || !this.clusters || !Chart) return;
    const segments = $('map-pairs').checked ? labelSegments(points, this.page.labels())
      : { positive: [], negative: [] };
    const box = $('map-box');
    box.dataset.method = this.method;
    box.dataset.points = String(points.length);
    box.dataset.k = String(this.clusters.k);
    box.dataset.segments = `${segments.positive.length / 3},${segments.negative.length / 3}`;
    const line = (label, data, colour, dash) => ({ label, data, showLine: true, spanGaps: false, pointRadius: 0,
      pointHitRadius: 0, borderColor: colour, backgroundColor: colour, borderWidth: 1.5, borderDash: dash, order: 1 });
    const datasets = [
      { label: t('map.legend.sentences', this.clusters.k), data: scatterPoints(points), order: 0, ...this.styles() },
      line(t('map.legend.similar'), segments.positive, MARK_COLOURS.similar, []),
      line(t('map.legend.dissimilar'), segments.negative, MARK_COLOURS.dissimilar, [5, 3]),
    ];
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.options.plugins.title.text = t(`map.title.${this.method}`);
      this.chart.update('none');
      return;
    }
    this.chart = createMapChart(Chart, $('map-chart'), datasets, {
      title: t(`map.title.${this.method}`),
      onSelect: (index) => this.page.selectSentence(index),
      tooltip: (index) => [`#${index} ${shortened(this.page.sentences()[index])}`,
        t('map.tooltip.cluster', this.clusters.cluster[index] + 1)],
    });
  }
}

// The Train panel's results (DOM layer): the training curve as a Chart.js scatter and the before/after metrics
// table. What to draw comes from training.js (tested with node).

import { curveSeries, metricRows, formatMetric, formatInterval, formatChange } from './training.js';

const COLOURS = { trainLoss: '#3b5bdb', validationLoss: '#e8590c', validationAuc: '#2b8a3e', meanNorm: '#868e96' };

export class TrainingResults {
  constructor({ $, t }) {
    this.$ = $;
    this.t = t;
    this.chart = null;
  }

  /** Draws the training curve, updating the chart in place after the first draw. */
  drawCurve(curve) {
    const { $, t } = this;
    const series = curveSeries(curve);
    $('train-chart-box').dataset.points = String(curve.length);
    const Chart = window.Chart;
    if (!Chart) return;
    const datasets = Object.entries(series).map(([key, data]) => ({
      label: t(`train.curve.${key}`), data, yAxisID: key.endsWith('Loss') ? 'y' : 'y1',
      borderColor: COLOURS[key], backgroundColor: COLOURS[key], pointRadius: 1, showLine: true,
      borderDash: key === 'meanNorm' ? [4, 3] : [] }));
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart($('train-chart'), {
      type: 'scatter',
      data: { datasets },
      options: { animation: false, maintainAspectRatio: false,
        plugins: { title: { display: true, text: t('train.curve.title') } },
        scales: { x: { title: { display: true, text: t('train.curve.step') } },
          y: { position: 'left', title: { display: true, text: t('train.curve.loss') } },
          y1: { position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: t('train.curve.aucNorm') } } } },
    });
  }

  /** The before/after metrics table of a finished adapter; hidden until there are metrics. */
  renderMetrics(adapter) {
    const { $, t } = this;
    const body = $('train-metrics');
    const rows = adapter.before ? metricRows(adapter.before, adapter.after) : [];
    body.replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      for (const text of [t(`train.side.${r.side}`), t(`train.metric.${r.metric}`),
        formatMetric(r.before) + formatInterval(r.beforeInterval), formatMetric(r.after) + formatInterval(r.afterInterval),
        formatChange(r.change)]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }));
    $('train-metrics-table').hidden = rows.length === 0;
  }
}

// The metrics charts (Chart.js): a histogram of the labelled pairs' cosines by label, and the ROC curve of the
// cosine. The bins, the split by label and the curve are charts.js; this builds and updates the two charts.

import { histogram, rocCurve, labelledValues, histogramRange } from './charts.js';

export class ChartsView {
  /** page: {$, t, state} */
  constructor({ $, t, state }) {
    Object.assign(this, { $, t, state });
    this.charts = {};
  }

  /** Histogram of labelled pairs' cosines by label, and the ROC curve of the cosine (Chart.js). */
  draw() {
    const { $, t, state } = this;
    const Chart = window.Chart;
    if (!Chart || !state.matrix) return;
    const { pos, neg } = labelledValues(state.labels.all(), state.matrix);
    const range = histogramRange(state.dataDomain);
    const hp = histogram(pos, range);
    const hn = histogram(neg, range);
    const histData = {
      labels: hp.edges.slice(0, -1).map((e, k) => ((e + hp.edges[k + 1]) / 2).toFixed(2)),
      datasets: [
        { label: t('chart.similar'), data: hp.counts, backgroundColor: 'rgba(0, 114, 178, 0.7)' },
        { label: t('chart.dissimilar'), data: hn.counts, backgroundColor: 'rgba(230, 159, 0, 0.7)' },
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
    if (this.charts.histogram) {
      this.charts.histogram.data = histData;
      this.charts.histogram.update();
      this.charts.roc.data = rocData;
      this.charts.roc.update();
      return;
    }
    const chartOptions = (title, scales) => ({ animation: false, maintainAspectRatio: false, plugins: { title: { display: true, text: title } }, scales });
    this.charts.histogram = new Chart($('histogram-chart'), {
      type: 'bar',
      data: histData,
      options: chartOptions(t('chart.histogram'), {
        x: { stacked: false, title: { display: true, text: t('chart.cosine') }, ticks: { maxTicksLimit: 8 } },
        y: { beginAtZero: true, title: { display: true, text: t('chart.pairs') }, ticks: { precision: 0 } } }),
    });
    this.charts.roc = new Chart($('roc-chart'), {
      type: 'scatter',
      data: rocData,
      options: chartOptions(t('chart.roc'), {
        x: { min: 0, max: 1, title: { display: true, text: t('chart.fpr') } },
        y: { min: 0, max: 1, title: { display: true, text: t('chart.tpr') } } }),
    });
  }
}

// The map's Chart.js scatter (DOM layer): the sentences as dataset 0 above the pair segments, a click on a point
// selects its sentence, and only sentences get a tooltip.

/**
 * @param options.title the chart's title
 * @param options.onSelect (index) => a sentence's point was clicked
 * @param options.tooltip (index) => the tooltip's lines for a sentence
 */
export function createMapChart(Chart, canvas, datasets, { title, onSelect, tooltip }) {
  return new Chart(canvas, {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: true },
      onClick: (event, elements) => {
        const hit = elements.find((e) => e.datasetIndex === 0);
        if (hit) onSelect(hit.index);
      },
      plugins: {
        title: { display: true, text: title },
        tooltip: {
          filter: (item) => item.datasetIndex === 0,
          callbacks: { title: () => '', label: (item) => tooltip(item.dataIndex) },
        },
      },
      scales: { x: { ticks: { display: false } }, y: { ticks: { display: false } } },
    },
  });
}

// What the heatmap shows, in words: its title and its colour legend as js.* message keys with their arguments, for
// the dataset's own cosines, an adapter's, the adapter − base difference and a comparison's B − A. No DOM here.

/**
 * @param shown   null for the dataset's own matrix, or {kind: 'adapter', model}, {kind: 'adapterDifference', model,
 *                base}, {kind: 'modelDifference', a, b}
 * @param context {model: the dataset's model, colours: 'sequential' | 'diverging', scale: {lo, hi}, maxAbs}
 * @returns {{title: [key, ...args], legend: [key, ...args]}}
 */
export function heatmapCaption(shown, { model, colours, scale, maxAbs }) {
  const lo = scale.lo.toFixed(2);
  const hi = scale.hi.toFixed(2);
  const range = (valuesOf) => (colours === 'diverging' ? ['legend.diverging', hi, valuesOf]
    : ['legend.sequential', lo, hi, valuesOf]);
  const spread = (maxAbs ?? scale.hi).toFixed(2);
  switch (shown?.kind) {
    case 'adapter':
      return { title: ['heatmap.title.adapter', shown.model], legend: range(shown.model) };
    case 'adapterDifference':
      return { title: ['heatmap.title.adapterDifference', shown.model, shown.base],
        legend: ['legend.adapterDifference', spread, shown.model, shown.base] };
    case 'modelDifference':
      return { title: ['heatmap.title.modelDifference', shown.b, shown.a],
        legend: ['compare.legend', spread, shown.b, shown.a] };
    default:
      return { title: ['heatmap.title.base', model], legend: range(model) };
  }
}

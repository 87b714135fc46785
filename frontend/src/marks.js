// Label marks on the heatmap, readable without colour: similar is a blue circle with a plus, dissimilar an
// orange square with a minus (Okabe–Ito blue and orange stay apart under deuteranopia and protanopia), both
// with a black outline so they stand out on any cell colour. Marks never shrink below MIN_MARK pixels, so the
// shape still tells them apart when a cell is smaller than a pixel.

export const MARK_COLOURS = { similar: '#0072B2', dissimilar: '#E69F00', outline: '#000000', glyph: '#ffffff' };
export const MIN_MARK = 7;
const GLYPH_FROM = 12;

/**
 * Geometry of the mark for a label in a cell rectangle {x, y, w, h}:
 * {shape: 'circle' | 'square', cx, cy, size, fill, outline, glyph: 'plus' | 'minus' | null, pending}.
 */
export function markGeometry(rect, label, pending = false) {
  const similar = label === 1;
  const size = Math.max(MIN_MARK, Math.min(rect.w, rect.h) * 0.72);
  return {
    shape: similar ? 'circle' : 'square',
    cx: rect.x + rect.w / 2,
    cy: rect.y + rect.h / 2,
    size,
    fill: similar ? MARK_COLOURS.similar : MARK_COLOURS.dissimilar,
    outline: MARK_COLOURS.outline,
    glyph: size >= GLYPH_FROM ? (similar ? 'plus' : 'minus') : null,
    pending,
  };
}

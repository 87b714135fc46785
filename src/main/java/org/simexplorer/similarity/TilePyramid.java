package org.simexplorer.similarity;

import org.simexplorer.errors.InvalidInputException;

/**
 * The levels of a tiled N×N heatmap. A tile is {@link #TILE}×{@link #TILE} pixels. At the finest level one pixel
 * is one pair; each coarser level halves the resolution, so a pixel at level ℓ covers a block of
 * {@code span(ℓ) = 2^(finest − ℓ)} × {@code span(ℓ)} pairs; level 0 is the overview, whose one tile covers all N.
 * Tile (row, col) at level ℓ starts at display position {@code row·TILE·span(ℓ)} down and {@code col·TILE·span(ℓ)}
 * across, in the order the tiles are drawn in (input or cluster); pixels past N hold {@link #PAST_END}.
 */
public record TilePyramid(int n) {

    /** Pixels along a tile's side. */
    public static final int TILE = 256;
    /** The int16 of a pixel past the last sentence: outside the ±10,000 range of a quantised cosine. */
    public static final short PAST_END = Short.MIN_VALUE;

    public TilePyramid {
        if (n < 0) throw new IllegalArgumentException("n must be at least 0, not " + n);
    }

    /** The finest level: the smallest L with TILE·2^L ≥ N. */
    public int finest() {
        int level = 0;
        while ((long) TILE << level < n) level++;
        return level;
    }

    /** Sentences per pixel side at a level. */
    public int span(int level) {
        return 1 << (finest() - level);
    }

    /** Tiles along each side at a level (at least 1, so an empty dataset still has its overview). */
    public int tilesPerSide(int level) {
        long cover = (long) TILE * span(level);
        return (int) Math.max(1, (n + cover - 1) / cover);
    }

    /** The first display position a tile's pixel row (or column) {@code pixel} covers. */
    public long start(int level, int tile, int pixel) {
        return ((long) tile * TILE + pixel) * span(level);
    }

    /** Pixels of a tile, along one side, that cover at least one sentence. */
    public int pixelsInside(int level, int tile) {
        long first = start(level, tile, 0);
        long left = n - first;
        if (left <= 0) return 0;
        int span = span(level);
        return (int) Math.min(TILE, (left + span - 1) / span);
    }

    /** Refuses a tile outside the pyramid, naming the field at fault (400). */
    public void check(int level, int row, int col) {
        if (level < 0 || level > finest()) {
            throw new InvalidInputException("level", "Level " + level + " is outside 0.." + finest()
                    + " for " + n + " sentences.");
        }
        int tiles = tilesPerSide(level);
        if (row < 0 || row >= tiles) {
            throw new InvalidInputException("row", "Row " + row + " is outside 0.." + (tiles - 1)
                    + " at level " + level + ".");
        }
        if (col < 0 || col >= tiles) {
            throw new InvalidInputException("col", "Column " + col + " is outside 0.." + (tiles - 1)
                    + " at level " + level + ".");
        }
    }
}

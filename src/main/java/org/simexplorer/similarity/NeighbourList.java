package org.simexplorer.similarity;

/**
 * The nearest rows of one query, most similar first; equal similarities keep the lower row first.
 *
 * @param rows         row indices
 * @param similarities their cosines with the query, in the same order
 */
public record NeighbourList(int[] rows, float[] similarities) {

    public int size() {
        return rows.length;
    }
}

package org.simexplorer.similarity;

import java.nio.FloatBuffer;

/**
 * Embeddings with each row divided by max(‖row‖, {@link CosineMatrix#EPSILON}); a zero row stays zero.
 *
 * @param rows  n×d row-major, direct and in native order, ready for {@link MatrixProduct}
 * @param norms the original row norms ‖eᵢ‖ (before the max with epsilon), kept for the backward pass
 */
public record NormalizedRows(FloatBuffer rows, int n, int d, double[] norms) {

    public float get(int row, int column) {
        return rows.get(row * d + column);
    }
}

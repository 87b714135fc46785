package org.simexplorer.training;

import org.simexplorer.similarity.MatrixProduct;

/** Rows times an adapter, on the ORT Gemm route the cosine matrix uses. */
final class AdaptedRows {

    private AdaptedRows() {
    }

    /** rows (m×d) · W (d×k, row-major), as m rows of k. */
    static float[][] apply(MatrixProduct product, float[][] rows, float[] w, int d) {
        int m = rows.length;
        if (m == 0) return new float[0][];
        int k = w.length / d;
        float[] flat = new float[m * d];
        for (int r = 0; r < m; r++) System.arraycopy(rows[r], 0, flat, r * d, d);
        // A·Bᵀ with B = Wᵀ (k×d).
        float[] transposed = new float[k * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) transposed[j * d + i] = w[i * k + j];
        }
        float[] product1 = product.timesTransposed(flat, m, transposed, k, d);
        float[][] out = new float[m][];
        for (int r = 0; r < m; r++) out[r] = java.util.Arrays.copyOfRange(product1, r * k, (r + 1) * k);
        return out;
    }

    /** The rows scaled to unit length (a zero row stays zero), as every model's embeddings are. */
    static float[][] normalise(float[][] rows) {
        for (float[] row : rows) {
            double sum = 0;
            for (float x : row) sum += (double) x * x;
            double scale = 1.0 / Math.max(Math.sqrt(sum), 1e-12);
            for (int k = 0; k < row.length; k++) row[k] = (float) (row[k] * scale);
        }
        return rows;
    }
}

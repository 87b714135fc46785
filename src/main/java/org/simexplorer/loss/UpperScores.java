package org.simexplorer.loss;

import java.nio.FloatBuffer;
import org.simexplorer.similarity.MatrixProduct;

/**
 * S = X·Xᵀ of {@link PairGram}'s rows as the passes read it: each pair i &lt; j, so only the upper triangle is
 * needed. The rows are cut into bands, and band b's rows are multiplied only with the rows from the band's first on;
 * with eight bands that is 9/16 of the multiply-adds of the whole block. Whole rows, for a pass that reads
 * them, come from one more product of all rows, taken on first need. S lives in the product's reused direct
 * buffers; {@link #close()} gives them back.
 */
final class UpperScores {

    /**
     * Rows per band at least, and bands at most: each band saves multiply-adds, but a product of fewer rows runs
     * further from the Gemm kernel's peak ({@code bench similarity}, keys {@code loss_*_over_product_*}).
     */
    private static final int BAND_ROWS = 250;
    private static final int BANDS = 8;

    private final MatrixProduct product;
    private final FloatBuffer rows;
    private final int m;
    private final int d;
    /** Band b holds rows [first[b], first[b + 1]), columns [first[b], m). */
    private final int[] first;
    private final FloatBuffer[] bands;
    /** All of S, m × m; null until a pass reads whole rows. */
    private FloatBuffer whole;
    private boolean closed;

    /** @param rows the m normalised rows of D values, row-major, which stay the caller's */
    UpperScores(MatrixProduct product, FloatBuffer rows, int m, int d) {
        this.product = product;
        this.rows = rows;
        this.m = m;
        this.d = d;
        int count = Math.max(1, Math.min(BANDS, m / BAND_ROWS));
        first = new int[count + 1];
        // Band edges at equal shares of the rows.
        for (int b = 0; b <= count; b++) first[b] = (int) ((long) m * b / count);
        bands = new FloatBuffer[count];
        for (int b = 0; b < count; b++) {
            int height = first[b + 1] - first[b];
            int width = m - first[b];
            bands[b] = product.takeScratch(Math.max(1, Math.multiplyExact(height, width)));
            product.timesTransposed(from(first[b]), height, from(first[b]), width, d, bands[b]);
        }
    }

    private FloatBuffer from(int row) {
        return rows.duplicate().position(row * d);
    }

    private int bandOf(int i) {
        int b = 0;
        while (i >= first[b + 1]) b++;
        return b;
    }

    /** S_ij for j from {@code from} to {@code from + n} of row i, into dst[0..n). */
    void get(int i, int from, float[] dst, int n) {
        if (n == 0) return;
        int b = bandOf(i);
        if (from >= first[b]) {
            band(b).get((i - first[b]) * (m - first[b]) + from - first[b], dst, 0, n);
        } else {
            whole().get(i * m + from, dst, 0, n);
        }
    }

    /** S_ij for i &lt; j. */
    float get(int i, int j) {
        int b = bandOf(i);
        return band(b).get((i - first[b]) * (m - first[b]) + j - first[b]);
    }

    private synchronized FloatBuffer band(int b) {
        if (closed) throw new IllegalStateException("the block was closed");
        return bands[b];
    }

    private synchronized FloatBuffer whole() {
        if (closed) throw new IllegalStateException("the block was closed");
        if (whole == null) {
            whole = product.takeScratch(Math.max(1, Math.multiplyExact(m, m)));
            product.timesTransposed(rows, m, rows, m, d, whole);
        }
        return whole;
    }

    synchronized void close() {
        if (closed) return;
        closed = true;
        for (FloatBuffer band : bands) product.giveBack(band);
        if (whole != null) product.giveBack(whole);
    }
}

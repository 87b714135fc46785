package org.simexplorer.loss;

import java.nio.FloatBuffer;
import org.simexplorer.similarity.MatrixProduct;

/**
 * S = X·Xᵀ of {@link PairGram}'s rows as the passes read it: each pair i &lt; j, so only the upper triangle is
 * needed. Two products of the two halves of the rows give it, rows [0, h) against all rows and rows [h, m) against
 * rows [h, m), three quarters of the multiply-adds of the whole block; the quarter below the diagonal, rows [h, m)
 * against rows [0, h), is taken only for a pass that reads whole rows. S lives in the product's reused direct
 * buffers; {@link #close()} gives them back.
 */
final class UpperScores {

    private final MatrixProduct product;
    private final FloatBuffer rows;
    private final int m;
    private final int d;
    private final int h;
    /** Rows [0, h), columns [0, m). */
    private FloatBuffer top;
    /** Rows [h, m), columns [h, m). */
    private FloatBuffer bottom;
    /** Rows [h, m), columns [0, h); null until a pass reads whole rows. */
    private FloatBuffer left;

    /** @param rows the m normalised rows of D values, row-major, which stay the caller's */
    UpperScores(MatrixProduct product, FloatBuffer rows, int m, int d) {
        this.product = product;
        this.rows = rows;
        this.m = m;
        this.d = d;
        this.h = m / 2;
        top = product.takeScratch(Math.max(1, Math.multiplyExact(h, m)));
        bottom = product.takeScratch(Math.max(1, Math.multiplyExact(m - h, m - h)));
        product.timesTransposed(rows, h, rows, m, d, top);
        product.timesTransposed(from(h), m - h, from(h), m - h, d, bottom);
    }

    private FloatBuffer from(int row) {
        return rows.duplicate().position(row * d);
    }

    /** S_ij for j from {@code from} to {@code from + n} of row i, into dst[0..n). */
    void get(int i, int from, float[] dst, int n) {
        if (n == 0) return;
        if (i < h) {
            top().get(i * m + from, dst, 0, n);
            return;
        }
        int onLeft = Math.max(0, Math.min(n, h - from));
        if (onLeft > 0) left().get((i - h) * h + from, dst, 0, onLeft);
        if (onLeft < n) bottom().get((i - h) * (m - h) + from + onLeft - h, dst, onLeft, n - onLeft);
    }

    /** S_ij for i &lt; j. */
    float get(int i, int j) {
        return i < h ? top().get(i * m + j) : bottom().get((i - h) * (m - h) + j - h);
    }

    private synchronized FloatBuffer top() {
        if (top == null) throw new IllegalStateException("the block was closed");
        return top;
    }

    private synchronized FloatBuffer bottom() {
        if (bottom == null) throw new IllegalStateException("the block was closed");
        return bottom;
    }

    private synchronized FloatBuffer left() {
        if (bottom == null) throw new IllegalStateException("the block was closed");
        if (left == null) {
            left = product.takeScratch(Math.max(1, Math.multiplyExact(m - h, h)));
            product.timesTransposed(from(h), m - h, rows, h, d, left);
        }
        return left;
    }

    synchronized void close() {
        for (FloatBuffer buffer : new FloatBuffer[] {top, bottom, left}) {
            if (buffer != null) product.giveBack(buffer);
        }
        top = null;
        bottom = null;
        left = null;
    }
}

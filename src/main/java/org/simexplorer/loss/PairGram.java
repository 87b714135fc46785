package org.simexplorer.loss;

import java.nio.FloatBuffer;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.MatrixProduct;

/**
 * The dense route of {@link PairScores}, for pairs that fill a good share of the m × m block of the rows they touch
 * (a fully labelled target): S = X·Xᵀ of the touched rows X, normalised, from one product, and the labels laid out
 * as an m × m block beside it, so that a loss ({@link GramLoss}) runs row passes over both ({@link GramRows}) and
 * leaves G = ∂L/∂S as another m × m block. ∂L/∂E is then one more product, G·X, and the normalisation's backward step
 * row by row. S and G live in the product's reused direct buffers; {@link #close()} gives them back.
 */
final class PairGram implements AutoCloseable {

    private static final int TILE = 64;

    private final float[][] embeddings;
    private final int[] touched;
    private final double[] norms;
    /** max(‖e‖, ε) of each touched row, by slot. */
    private final double[] flooredNorms;
    private final int m;
    private final int d;
    private final int pairs;
    /** The touched rows divided by their floored norms, m × D, row-major. */
    private final float[] x;
    private final MatrixProduct product;
    private FloatBuffer scores;
    /** T_ij for slots i &lt; j, row-major m × m; the lower triangle is filled on first need. */
    private final byte[] labels;
    private boolean lowerFilled;

    private PairGram(float[][] embeddings, int[] touched, double[] norms, int d, int pairs, float[] x,
            MatrixProduct product, FloatBuffer scores, byte[] labels) {
        this.embeddings = embeddings;
        this.touched = touched;
        this.norms = norms;
        this.m = touched.length;
        this.flooredNorms = new double[m];
        for (int k = 0; k < m; k++) flooredNorms[k] = floored(norms[touched[k]]);
        this.d = d;
        this.pairs = pairs;
        this.x = x;
        this.product = product;
        this.scores = scores;
        this.labels = labels;
    }

    /** Normalises the touched rows and takes their product; {@code norms} holds each touched row's norm, by row. */
    static PairGram of(float[][] embeddings, LabelledPairs pairs, int[] touched, int[] slot, double[] norms, int d,
            MatrixProduct product) {
        int m = touched.length;
        float[] x = new float[Math.multiplyExact(m, d)];
        LossMath.forEach(m, (long) m * d, k -> {
            float[] e = embeddings[touched[k]];
            double scale = 1.0 / floored(norms[touched[k]]);
            for (int c = 0; c < d; c++) x[k * d + c] = (float) (e[c] * scale);
        });
        FloatBuffer rows = product.takeScratch(x.length);
        FloatBuffer s = product.takeScratch(Math.multiplyExact(m, m));
        try {
            rows.put(0, x);
            product.timesTransposed(rows, m, rows, m, d, s);
        } finally {
            product.giveBack(rows);
        }
        byte[] labels = new byte[Math.multiplyExact(m, m)];
        int[] first = pairs.first();
        int[] second = pairs.second();
        byte[] t = pairs.labels();
        LossMath.forRanges(t.length, t.length, (from, to) -> {
            for (int p = from; p < to; p++) labels[slot[first[p]] * m + slot[second[p]]] = t[p];
        });
        return new PairGram(embeddings, touched, norms, d, t.length, x, product, s, labels);
    }

    /** m, the side of the block. */
    int size() {
        return m;
    }

    /** P, the labelled pairs in the block. */
    int pairs() {
        return pairs;
    }

    /** max(‖e‖, ε) of each row, by slot; shared, do not modify. */
    double[] flooredNorms() {
        return flooredNorms;
    }

    FloatBuffer scores() {
        if (scores == null) throw new IllegalStateException("the block was closed");
        return scores;
    }

    /** The labels, m × m; with {@code symmetric} both triangles, else only i &lt; j is to be read. */
    synchronized byte[] labels(boolean symmetric) {
        if (symmetric && !lowerFilled) {
            int tiles = (m + TILE - 1) / TILE;
            LossMath.forEach(tiles, (long) m * m, ti -> {
                for (int tj = ti; tj < tiles; tj++) {
                    for (int i = ti * TILE; i < Math.min(m, (ti + 1) * TILE); i++) {
                        for (int j = Math.max(i + 1, tj * TILE); j < Math.min(m, (tj + 1) * TILE); j++) {
                            labels[j * m + i] = labels[i * m + j];
                        }
                    }
                }
            });
            lowerFilled = true;
        }
        return labels;
    }

    /** S_p of each pair, read from the block. */
    double[] cosines(LabelledPairs pairs, int[] slot) {
        FloatBuffer s = scores();
        int[] first = pairs.first();
        int[] second = pairs.second();
        double[] cosines = new double[pairs.size()];
        LossMath.forRanges(cosines.length, cosines.length, (from, to) -> {
            for (int p = from; p < to; p++) cosines[p] = s.get(slot[first[p]] * m + slot[second[p]]);
        });
        return cosines;
    }

    /** An m × m direct buffer for G, to give to {@link #backward}. */
    FloatBuffer takeGradientBlock() {
        return product.takeScratch(Math.multiplyExact(m, m));
    }

    /**
     * ∂L/∂E from the symmetric m × m block G = ∂L/∂S, which this gives back. For cosines A = G·X, then
     * ∂L/∂eᵢ = (aᵢ − xᵢ (xᵢ·aᵢ)) / ‖eᵢ‖, or aᵢ / ε where the floor is active; for raw dot products ∂L/∂E = G·E.
     * Rows no pair touches get zeros.
     */
    float[][] backward(FloatBuffer g, boolean raw) {
        float[] base = raw ? gatheredRows() : x;
        FloatBuffer right = product.takeScratch(base.length);
        FloatBuffer result = product.takeScratch(base.length);
        float[][] out = new float[embeddings.length][d];
        try {
            right.put(0, transpose(base));
            // G·B = G·(Bᵀ)ᵀ: the product's A·Bᵀ form with Bᵀ as its second operand.
            product.timesTransposed(g, m, right, d, m, result);
            LossMath.forEach(m, (long) m * d, k -> {
                float[] target = out[touched[k]];
                result.get(k * d, target, 0, d);
                if (!raw) normalisationBackward(k, target);
            });
        } finally {
            product.giveBack(g);
            product.giveBack(right);
            product.giveBack(result);
        }
        return out;
    }

    private void normalisationBackward(int k, float[] a) {
        double norm = norms[touched[k]];
        int at = k * d;
        if (norm > CosineMatrix.EPSILON) {
            double along = 0;
            for (int c = 0; c < d; c++) along += (double) x[at + c] * a[c];
            for (int c = 0; c < d; c++) a[c] = (float) ((a[c] - x[at + c] * along) / norm);
        } else {
            // Below the floor the divisor is the constant ε, so only the 1/ε scaling remains.
            for (int c = 0; c < d; c++) a[c] = (float) (a[c] / CosineMatrix.EPSILON);
        }
    }

    /** m × D to D × m in square tiles, so that both sides stay in cache. */
    private float[] transpose(float[] rows) {
        float[] transposed = new float[rows.length];
        int tiles = (m + TILE - 1) / TILE;
        LossMath.forEach(tiles, rows.length, tk -> {
            int end = Math.min(m, (tk + 1) * TILE);
            for (int c0 = 0; c0 < d; c0 += TILE) {
                int cEnd = Math.min(d, c0 + TILE);
                for (int k = tk * TILE; k < end; k++) {
                    for (int c = c0; c < cEnd; c++) transposed[c * m + k] = rows[k * d + c];
                }
            }
        });
        return transposed;
    }

    private float[] gatheredRows() {
        float[] rows = new float[Math.multiplyExact(m, d)];
        for (int k = 0; k < m; k++) System.arraycopy(embeddings[touched[k]], 0, rows, k * d, d);
        return rows;
    }

    @Override
    public synchronized void close() {
        if (scores != null) product.giveBack(scores);
        scores = null;
    }

    static double floored(double norm) {
        return Math.max(norm, CosineMatrix.EPSILON);
    }
}

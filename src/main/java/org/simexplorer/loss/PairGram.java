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
    /** x in a direct buffer, the product's operand, kept for the gradient's product; null once given back. */
    private FloatBuffer rows;
    private final MatrixProduct product;
    private final UpperScores scores;
    /** T_ij for slots i &lt; j, row-major m × m; the lower triangle is filled on first need. */
    private final byte[] labels;
    private boolean lowerFilled;

    private PairGram(float[][] embeddings, int[] touched, double[] norms, int d, int pairs, float[] x,
            FloatBuffer rows, MatrixProduct product, UpperScores scores, byte[] labels) {
        this.embeddings = embeddings;
        this.touched = touched;
        this.norms = norms;
        this.m = touched.length;
        this.flooredNorms = new double[m];
        for (int k = 0; k < m; k++) flooredNorms[k] = floored(norms[touched[k]]);
        this.d = d;
        this.pairs = pairs;
        this.x = x;
        this.rows = rows;
        this.product = product;
        this.scores = scores;
        this.labels = labels;
    }

    /** Normalises the touched rows and takes their product; {@code norms} holds each touched row's norm, by row. */
    static PairGram of(float[][] embeddings, LabelledPairs pairs, int[] touched, PairRuns runs, double[] norms, int d,
            MatrixProduct product) {
        int m = touched.length;
        float[] x = new float[Math.multiplyExact(m, d)];
        FloatBuffer rows = product.takeScratch(x.length);
        LossMath.forEach(m, (long) m * d, k -> {
            float[] e = embeddings[touched[k]];
            // e·(1/‖e‖) rounded once, as in double: the scale in two floats, and the product with one rounding
            double scale = 1.0 / floored(norms[touched[k]]);
            float high = (float) scale;
            float low = (float) (scale - high);
            // Into a row of its own first: a loop that writes x at an offset from e's index does not vectorise.
            float[] row = new float[d];
            for (int c = 0; c < d; c++) row[c] = Math.fma(e[c], high, e[c] * low);
            System.arraycopy(row, 0, x, k * d, d);
            rows.put(k * d, row, 0, d);
        });
        UpperScores s = new UpperScores(product, rows, m, d);
        byte[] labels = LabelBlock.of(pairs, runs, m);
        return new PairGram(embeddings, touched, norms, d, pairs.size(), x, rows, product, s, labels);
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

    /** The product whose scratch buffers the block's passes borrow. */
    MatrixProduct product() {
        return product;
    }

    UpperScores scores() {
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
        int[] first = pairs.first();
        int[] second = pairs.second();
        double[] cosines = new double[pairs.size()];
        LossMath.forRanges(cosines.length, cosines.length, (from, to) -> {
            for (int p = from; p < to; p++) cosines[p] = scores.get(slot[first[p]], slot[second[p]]);
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
        FloatBuffer right = raw ? gatheredRows() : rows();
        FloatBuffer result = product.takeScratch(m * d);
        float[][] out = new float[embeddings.length][d];
        try {
            product.times(g, m, right, m, d, result);
            LossMath.forRanges(m, (long) m * d, (from, to) -> {
                float[] scratch = new float[d];
                for (int k = from; k < to; k++) {
                    float[] target = out[touched[k]];
                    result.get(k * d, target, 0, d);
                    if (!raw) normalisationBackward(k, target, scratch);
                }
            });
        } finally {
            product.giveBack(g);
            if (raw) product.giveBack(right);
            product.giveBack(result);
        }
        return out;
    }

    private synchronized FloatBuffer rows() {
        if (rows == null) throw new IllegalStateException("the block was closed");
        return rows;
    }

    private void normalisationBackward(int k, float[] a, float[] scratch) {
        double norm = norms[touched[k]];
        int at = k * d;
        if (norm > CosineMatrix.EPSILON) {
            // x_i copied to the front first: a loop that reads x at an offset from a's index does not vectorise.
            float[] xi = scratch;
            System.arraycopy(x, at, xi, 0, d);
            float along = (float) ArrayMath.sumOfProducts(xi, a, d);
            float inverse = (float) (1 / norm);
            for (int c = 0; c < d; c++) a[c] = (a[c] - xi[c] * along) * inverse;
        } else {
            // Below the floor the divisor is the constant ε, so only the 1/ε scaling remains.
            float inverse = (float) (1 / CosineMatrix.EPSILON);
            for (int c = 0; c < d; c++) a[c] *= inverse;
        }
    }

    private FloatBuffer gatheredRows() {
        FloatBuffer gathered = product.takeScratch(m * d);
        for (int k = 0; k < m; k++) gathered.put(k * d, embeddings[touched[k]], 0, d);
        return gathered;
    }

    @Override
    public synchronized void close() {
        scores.close();
        if (rows != null) product.giveBack(rows);
        rows = null;
    }

    static double floored(double norm) {
        return Math.max(norm, CosineMatrix.EPSILON);
    }
}

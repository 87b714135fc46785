package org.simexplorer.loss;

import java.nio.FloatBuffer;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.MatrixProduct;

/**
 * The dense route of {@link PairScores}, for pairs that fill a good share of the m × m block of the rows they touch
 * (a fully labelled target): the cosines of every pair come from one product X·Xᵀ of the touched rows, normalised,
 * and ∂L/∂E from one more, G·X, with G the m × m matrix of ∂L/∂s_p, followed by the normalisation's backward step
 * row by row. Everything else is elementwise, on heap arrays copied in bulk to the product's reused direct buffers.
 */
final class PairGram {

    /** Side of the square tiles in which G's upper triangle is mirrored, so that reads and writes stay in cache. */
    private static final int TILE = 64;

    private final float[][] embeddings;
    private final int[] touched;
    private final int[] slot;
    private final double[] norms;
    private final int m;
    private final int d;
    /** The touched rows divided by their floored norms, m × D, row-major. */
    private final float[] x;

    private PairGram(float[][] embeddings, int[] touched, int[] slot, double[] norms, int d, float[] x) {
        this.embeddings = embeddings;
        this.touched = touched;
        this.slot = slot;
        this.norms = norms;
        this.m = touched.length;
        this.d = d;
        this.x = x;
    }

    /** Normalises the touched rows; {@code norms} holds each touched row's norm, by row index. */
    static PairGram of(float[][] embeddings, int[] touched, int[] slot, double[] norms, int d) {
        float[] x = new float[Math.multiplyExact(touched.length, d)];
        LossMath.forEach(touched.length, (long) touched.length * d, k -> {
            float[] e = embeddings[touched[k]];
            double scale = 1.0 / floored(norms[touched[k]]);
            for (int c = 0; c < d; c++) x[k * d + c] = (float) (e[c] * scale);
        });
        return new PairGram(embeddings, touched, slot, norms, d, x);
    }

    /** S_p of each pair, read from X·Xᵀ row by row. */
    double[] cosines(LabelledPairs pairs, MatrixProduct product) {
        FloatBuffer rows = product.takeScratch(x.length);
        FloatBuffer s = product.takeScratch(Math.multiplyExact(m, m));
        try {
            rows.put(0, x);
            product.timesTransposed(rows, m, rows, m, d, s);
            int[] first = pairs.first();
            int[] second = pairs.second();
            double[] cosines = new double[pairs.size()];
            int[] runs = runsByFirstRow(first);
            if (runs == null) {
                LossMath.forEach(cosines.length, cosines.length,
                        p -> cosines[p] = s.get(slot[first[p]] * m + slot[second[p]]));
                return cosines;
            }
            LossMath.forEach(runs.length - 1, cosines.length, r -> {
                if (runs[r] == runs[r + 1]) return;
                float[] row = new float[m];
                s.get(slot[first[runs[r]]] * m, row);
                for (int p = runs[r]; p < runs[r + 1]; p++) cosines[p] = row[slot[second[p]]];
            });
            return cosines;
        } finally {
            product.giveBack(rows);
            product.giveBack(s);
        }
    }

    /**
     * ∂L/∂E from ∂L/∂s_p. For cosines A = G·X, then ∂L/∂eᵢ = (aᵢ − xᵢ (xᵢ·aᵢ)) / ‖eᵢ‖, or aᵢ / ε where the floor is
     * active; for raw dot products ∂L/∂E = G·E. Rows no pair touches get zeros.
     */
    float[][] backward(LabelledPairs pairs, double[] g, boolean raw, MatrixProduct product) {
        float[] base = raw ? gatheredRows() : x;
        float[] transposed = new float[base.length];
        LossMath.forEach(m, base.length, k -> {
            for (int c = 0; c < d; c++) transposed[c * m + k] = base[k * d + c];
        });
        float[] a = new float[base.length];
        FloatBuffer weights = product.takeScratch(Math.multiplyExact(m, m));
        FloatBuffer right = product.takeScratch(base.length);
        FloatBuffer result = product.takeScratch(base.length);
        try {
            weights.put(0, symmetricWeights(pairs, g));
            right.put(0, transposed);
            // G·B = G·(Bᵀ)ᵀ: the product's A·Bᵀ form with Bᵀ as its second operand.
            product.timesTransposed(weights, m, right, d, m, result);
            result.get(0, a);
        } finally {
            product.giveBack(weights);
            product.giveBack(right);
            product.giveBack(result);
        }
        float[][] out = new float[embeddings.length][d];
        LossMath.forEach(m, (long) m * d, k -> {
            float[] target = out[touched[k]];
            int at = k * d;
            if (raw) {
                System.arraycopy(a, at, target, 0, d);
                return;
            }
            double norm = norms[touched[k]];
            if (norm > CosineMatrix.EPSILON) {
                double along = 0;
                for (int c = 0; c < d; c++) along += (double) x[at + c] * a[at + c];
                for (int c = 0; c < d; c++) target[c] = (float) ((a[at + c] - x[at + c] * along) / norm);
            } else {
                // Below the floor the divisor is the constant ε, so only the 1/ε scaling remains.
                for (int c = 0; c < d; c++) target[c] = (float) (a[at + c] / CosineMatrix.EPSILON);
            }
        });
        return out;
    }

    /** G with G_ij = G_ji = ∂L/∂s_p for each pair p = (i, j), else 0: the upper triangle, then its mirror. */
    private float[] symmetricWeights(LabelledPairs pairs, double[] g) {
        float[] weights = new float[Math.multiplyExact(m, m)];
        int[] first = pairs.first();
        int[] second = pairs.second();
        LossMath.forEach(g.length, g.length, p -> weights[slot[first[p]] * m + slot[second[p]]] = (float) g[p]);
        int tiles = (m + TILE - 1) / TILE;
        LossMath.forEach(tiles, (long) m * m, ti -> {
            int rowEnd = Math.min(m, (ti + 1) * TILE);
            for (int tj = ti; tj < tiles; tj++) {
                int columnEnd = Math.min(m, (tj + 1) * TILE);
                for (int i = ti * TILE; i < rowEnd; i++) {
                    for (int j = Math.max(i + 1, tj * TILE); j < columnEnd; j++) {
                        weights[j * m + i] = weights[i * m + j];
                    }
                }
            }
        });
        return weights;
    }

    /**
     * Where each first row's pairs start, when the pairs are grouped by first row (as {@link LabelledPairs#of}
     * orders them): entry r to r + 1 is one row's run. Null when they are not grouped.
     */
    private static int[] runsByFirstRow(int[] first) {
        int count = 1;
        for (int p = 1; p < first.length; p++) {
            if (first[p] < first[p - 1]) return null;
            if (first[p] != first[p - 1]) count++;
        }
        int[] runs = new int[count + 1];
        for (int p = 1, r = 1; p < first.length; p++) if (first[p] != first[p - 1]) runs[r++] = p;
        runs[count] = first.length;
        return runs;
    }

    private float[] gatheredRows() {
        float[] rows = new float[Math.multiplyExact(m, d)];
        for (int k = 0; k < m; k++) System.arraycopy(embeddings[touched[k]], 0, rows, k * d, d);
        return rows;
    }

    static double floored(double norm) {
        return Math.max(norm, CosineMatrix.EPSILON);
    }
}

package org.simexplorer.loss;

import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.MatrixProduct;

/**
 * What every loss reads from the embeddings: the dot product e_i·e_j of each labelled pair and the norms of the
 * rows the pairs touch, from which come the cosines S_ij = e_i·e_j / (max(‖e_i‖, ε)·max(‖e_j‖, ε)). Computed once,
 * it serves any number of losses. Time and memory grow with the P pairs and the m rows they touch, never with
 * rows × rows.
 *
 * <p>Two routes give the same numbers. When the pairs are few next to m² (a user's labels), each pair's dot
 * product is taken on its own: P·D multiply-adds. When they fill a good share of the m × m block (a dense
 * "target" from {@code POST /api/loss}), one product of the touched rows on {@link MatrixProduct}'s fast route
 * is cheaper by far, and its m² floats are bounded by a constant times P.
 */
public final class PairScores {

    private final LabelledPairs pairs;
    private final float[][] embeddings;
    private final int dimension;
    private final int[] touched;
    private final double[] norms;
    private final double[] dots;
    /** The touched rows gathered m × D, on the product route; null on the per-pair route. */
    private final float[] gathered;
    private final int[] slot;
    private double[] cosines;

    private PairScores(LabelledPairs pairs, float[][] embeddings, int dimension, int[] touched, int[] slot,
            double[] norms, double[] dots, float[] gathered) {
        this.pairs = pairs;
        this.embeddings = embeddings;
        this.dimension = dimension;
        this.touched = touched;
        this.slot = slot;
        this.norms = norms;
        this.dots = dots;
        this.gathered = gathered;
    }

    /**
     * @param product    the fast product, used only when {@code gramRoute}
     * @param gramRoute  true to take the dot products from one product of the touched rows
     */
    static PairScores compute(float[][] embeddings, LabelledPairs pairs, MatrixProduct product, boolean gramRoute) {
        int n = embeddings.length;
        int[] slot = pairs.slots();
        int[] touched = LabelledPairs.touched(slot);
        int m = touched.length;
        int d = m == 0 ? -1 : embeddings[touched[0]].length;
        for (int i : touched) {
            if (embeddings[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + embeddings[i].length + " values, row "
                        + touched[0] + " has " + d);
            }
        }
        int dimension = Math.max(d, 0);
        double[] norms = new double[n];
        LossMath.forEach(m, (long) m * dimension, k -> norms[touched[k]] = Math.sqrt(dot(embeddings[touched[k]],
                embeddings[touched[k]])));
        double[] dots = new double[pairs.size()];
        float[] gathered = null;
        if (gramRoute) {
            gathered = new float[Math.multiplyExact(m, dimension)];
            for (int k = 0; k < m; k++) System.arraycopy(embeddings[touched[k]], 0, gathered, k * dimension, dimension);
            float[] gram = product.timesTransposed(gathered, m, gathered, m, dimension);
            for (int p = 0; p < dots.length; p++) dots[p] = gram[slot[pairs.first()[p]] * m + slot[pairs.second()[p]]];
        } else {
            LossMath.forEach(dots.length, (long) dots.length * dimension,
                    p -> dots[p] = dot(embeddings[pairs.first()[p]], embeddings[pairs.second()[p]]));
        }
        return new PairScores(pairs, embeddings, dimension, touched, slot, norms, dots, gathered);
    }

    public LabelledPairs pairs() {
        return pairs;
    }

    /** D, the length of the embeddings. */
    public int dimension() {
        return dimension;
    }

    /** z_p = e_i·e_j for each pair; shared, do not modify. */
    public double[] dots() {
        return dots;
    }

    /** S_p, the cosine of each pair; a zero row is similar to nothing (S = 0). Shared, do not modify. */
    public synchronized double[] cosines() {
        if (cosines == null) {
            double[] s = new double[dots.length];
            for (int p = 0; p < s.length; p++) {
                s[p] = dots[p] / (floored(norms[pairs.first()[p]]) * floored(norms[pairs.second()[p]]));
            }
            cosines = s;
        }
        return cosines;
    }

    /** The scores a loss reads: raw dot products or cosines. */
    double[] scoresFor(PairLoss loss) {
        return loss.usesRawDotProducts() ? dots : cosines();
    }

    /**
     * ∂L/∂E from ∂L/∂s_p: each pair adds g_p·x_j to row i and g_p·x_i to row j (x = e for raw dot products,
     * e/max(‖e‖, ε) for cosines), then the cosine rows go back through the normalisation:
     * ∂L/∂eᵢ = (aᵢ − xᵢ (xᵢ·aᵢ)) / ‖eᵢ‖, or aᵢ / ε where the floor is active. Rows no pair touches get zeros.
     */
    float[][] backward(double[] g, boolean raw, MatrixProduct product) {
        float[][] out = new float[embeddings.length][dimension];
        if (gathered != null) {
            float[] a = scatteredProduct(g, raw, product);
            LossMath.forEach(touched.length, (long) touched.length * dimension, k -> {
                double[] acc = new double[dimension];
                for (int c = 0; c < dimension; c++) acc[c] = a[k * dimension + c];
                finish(touched[k], acc, raw, out[touched[k]]);
            });
            return out;
        }
        PairIncidence incidence = PairIncidence.of(pairs);
        LossMath.forEach(touched.length, 2L * pairs.size() * dimension, k -> {
            int i = touched[k];
            double[] acc = new double[dimension];
            for (int e = incidence.start[i]; e < incidence.start[i + 1]; e++) {
                int j = incidence.partner[e];
                double weight = raw ? g[incidence.pair[e]] : g[incidence.pair[e]] / floored(norms[j]);
                float[] other = embeddings[j];
                for (int c = 0; c < dimension; c++) acc[c] += weight * other[c];
            }
            finish(i, acc, raw, out[i]);
        });
        return out;
    }

    /** A = G·E over the touched rows on the fast product, with G the m × m pair weights (both triangles). */
    private float[] scatteredProduct(double[] g, boolean raw, MatrixProduct product) {
        int m = touched.length;
        float[] weights = new float[Math.multiplyExact(m, m)];
        for (int p = 0; p < g.length; p++) {
            int i = pairs.first()[p];
            int j = pairs.second()[p];
            weights[slot[i] * m + slot[j]] = (float) (raw ? g[p] : g[p] / floored(norms[j]));
            weights[slot[j] * m + slot[i]] = (float) (raw ? g[p] : g[p] / floored(norms[i]));
        }
        float[] transposed = new float[gathered.length];
        for (int k = 0; k < m; k++) {
            for (int c = 0; c < dimension; c++) transposed[c * m + k] = gathered[k * dimension + c];
        }
        // G·E = G·(Eᵀ)ᵀ: the product's A·Bᵀ form with B = Eᵀ.
        return product.timesTransposed(weights, m, transposed, dimension, m);
    }

    private void finish(int i, double[] acc, boolean raw, float[] out) {
        if (raw) {
            for (int c = 0; c < dimension; c++) out[c] = (float) acc[c];
            return;
        }
        double norm = norms[i];
        if (norm > CosineMatrix.EPSILON) {
            float[] e = embeddings[i];
            double along = 0;
            for (int c = 0; c < dimension; c++) along += e[c] / norm * acc[c];
            for (int c = 0; c < dimension; c++) out[c] = (float) ((acc[c] - e[c] / norm * along) / norm);
        } else {
            // Below the floor the divisor is the constant ε, so only the 1/ε scaling remains.
            for (int c = 0; c < dimension; c++) out[c] = (float) (acc[c] / CosineMatrix.EPSILON);
        }
    }

    private static double floored(double norm) {
        return Math.max(norm, CosineMatrix.EPSILON);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) sum += (double) a[c] * b[c];
        return sum;
    }
}

package org.simexplorer.loss;

import java.nio.FloatBuffer;
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
 * "target" from {@code POST /api/loss}), {@link PairGram} takes the cosines from one product of the normalised
 * touched rows and the gradient from one more, on {@link MatrixProduct}'s fast route, and the losses run over the
 * m × m block as a whole ({@link GramLoss}); its m² floats are bounded by a constant times P. {@link #close()} gives
 * the block's buffers back to the product; left open, they go with the garbage collector.
 */
public final class PairScores implements AutoCloseable {

    private final LabelledPairs pairs;
    private final float[][] embeddings;
    private final int dimension;
    private final int[] touched;
    private final double[] norms;
    private final int[] slot;
    /** The dense route's products; null on the per-pair route. */
    private final PairGram gram;
    private double[] dots;
    private double[] cosines;

    private PairScores(LabelledPairs pairs, float[][] embeddings, int dimension, int[] touched, double[] norms,
            int[] slot, double[] dots, PairGram gram) {
        this.pairs = pairs;
        this.embeddings = embeddings;
        this.dimension = dimension;
        this.touched = touched;
        this.norms = norms;
        this.slot = slot;
        this.dots = dots;
        this.gram = gram;
    }

    /**
     * @param product    the fast product, used only when {@code gramRoute}
     * @param runs       the pairs' runs and each row's slot
     * @param gramRoute  true to take the dot products from one product of the touched rows
     */
    static PairScores compute(float[][] embeddings, LabelledPairs pairs, PairRuns runs, MatrixProduct product,
            boolean gramRoute) {
        int[] slot = runs.slot();
        int n = embeddings.length;
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
        LossMath.forEach(m, (long) m * dimension, k -> norms[touched[k]] = CosineMatrix.norm(embeddings[touched[k]]));
        if (gramRoute) {
            PairGram gram = PairGram.of(embeddings, pairs, touched, runs, norms, dimension, product);
            return new PairScores(pairs, embeddings, dimension, touched, norms, slot, null, gram);
        }
        double[] dots = new double[pairs.size()];
        LossMath.forEach(dots.length, (long) dots.length * dimension,
                p -> dots[p] = dot(embeddings[pairs.first()[p]], embeddings[pairs.second()[p]]));
        return new PairScores(pairs, embeddings, dimension, touched, norms, slot, dots, null);
    }

    /** Whether the scores are a dense block, on which {@link #evaluateOnGram} runs. */
    boolean onGram() {
        return gram != null;
    }

    /** A loss's value and, when asked, ∂L/∂E, from the dense block. */
    record GramEvaluation(double value, float[][] gradient) {
    }

    GramEvaluation evaluateOnGram(GramLoss loss, LossParameters params, boolean gradient, boolean raw,
            MatrixProduct product) {
        FloatBuffer g = gradient ? gram.takeGradientBlock() : null;
        double value;
        try {
            value = loss.onGram(new GramRows(gram, g), params);
        } catch (RuntimeException e) {
            if (g != null) product.giveBack(g);
            throw e;
        }
        return new GramEvaluation(value, g == null ? null : gram.backward(g, raw));
    }

    @Override
    public void close() {
        if (gram != null) gram.close();
    }

    public LabelledPairs pairs() {
        return pairs;
    }

    /** D, the length of the embeddings. */
    public int dimension() {
        return dimension;
    }

    /** z_p = e_i·e_j for each pair; shared, do not modify. */
    public synchronized double[] dots() {
        if (dots == null) {
            double[] cosines = cosines();
            // The dense route's cosines times the floored norms: x_i·x_j·max(‖e_i‖, ε)·max(‖e_j‖, ε) = e_i·e_j.
            double[] z = new double[cosines.length];
            LossMath.forEach(z.length, z.length,
                    p -> z[p] = cosines[p] * floored(norms[pairs.first()[p]]) * floored(norms[pairs.second()[p]]));
            dots = z;
        }
        return dots;
    }

    /** S_p, the cosine of each pair; a zero row is similar to nothing (S = 0). Shared, do not modify. */
    public synchronized double[] cosines() {
        if (cosines == null && gram != null) {
            cosines = gram.cosines(pairs, slot);
        } else if (cosines == null) {
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
        return loss.usesRawDotProducts() ? dots() : cosines();
    }

    /**
     * ∂L/∂E from ∂L/∂s_p: each pair adds g_p·x_j to row i and g_p·x_i to row j (x = e for raw dot products,
     * e/max(‖e‖, ε) for cosines), then the cosine rows go back through the normalisation:
     * ∂L/∂eᵢ = (aᵢ − xᵢ (xᵢ·aᵢ)) / ‖eᵢ‖, or aᵢ / ε where the floor is active. Rows no pair touches get zeros.
     * The per-pair route only; the dense block takes its gradient in {@link #evaluateOnGram}.
     */
    float[][] backward(double[] g, boolean raw) {
        if (gram != null) throw new IllegalStateException("the dense block takes its gradient in evaluateOnGram");
        float[][] out = new float[embeddings.length][dimension];
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

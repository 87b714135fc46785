package org.simexplorer.loss;

import java.util.List;

/**
 * sigmoid(E Eᵀ) with binary cross-entropy, the approach from the original question. Kept to show why it
 * fails: raw dot products are unnormalised and saturate the sigmoid, and there is no scale or bias.
 */
public final class SeedSigmoidBceLoss extends MeanPairLoss {

    @Override
    public String id() {
        return "seed-sigmoid-bce";
    }

    @Override
    public String formula() {
        return "z = E·Eᵀ (raw dot products, rows not normalised), y = (T+1)/2. "
                + "Mean over labelled pairs of BCE-with-logits(z_ij, y_ij) = softplus(z_ij) − y_ij·z_ij.";
    }

    @Override
    public List<LossParameter> parameters() {
        return List.of();
    }

    @Override
    public boolean usesRawDotProducts() {
        return true;
    }

    @Override
    PairTerm term(LossParameters params) {
        // BCE(z, y) = softplus(z) − y·z, which is softplus(−label·z) for y = (label+1)/2: no cancellation
        // for large z. Its slope is σ(z) − y = −label·σ(−label·z).
        return (z, label, slope) -> LossMath.logisticLoss(-label * z, -label, slope);
    }

    @Override
    GramRows.Pass rowTerms(LossParameters params, GramRows rows, double inv) {
        double[] floored = rows.flooredNorms();
        float[] norms = new float[floored.length];
        for (int k = 0; k < norms.length; k++) norms[k] = (float) floored[k];
        float factor = (float) -inv;
        // The block holds cosines; z_ij = S_ij·‖e_i‖·‖e_j‖ with the floored norms, which is e_i·e_j.
        return (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] x = row.a;
            int n = row.length;
            float rowNorm = norms[row.i];
            // The partners' norms copied to the front first: a loop that reads at two offsets does not vectorise.
            System.arraycopy(norms, row.from, x, 0, n);
            for (int k = 0; k < n; k++) x[k] = -t[k] * (s[k] * rowNorm * x[k]);
            acc[0] += LossMath.logisticRow(row, x, factor);
        };
    }
}

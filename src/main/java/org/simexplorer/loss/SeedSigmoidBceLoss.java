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
        double[] norms = rows.flooredNorms();
        double largest = 0;
        for (double norm : norms) largest = Math.max(largest, norm);
        // The block holds cosines; z_ij = S_ij·‖e_i‖·‖e_j‖ with the floored norms, which is e_i·e_j.
        double range = largest * largest * GramRows.MAX_COSINE;
        return (row, acc) -> {
            double[] s = row.s;
            double[] t = row.t;
            double[] x = row.a;
            int n = row.length;
            double rowNorm = norms[row.i];
            int from = row.from;
            for (int k = 0; k < n; k++) x[k] = -t[k] * (s[k] * rowNorm * norms[from + k]);
            acc[0] += LossMath.logisticRow(x, t, n, range, row.b, -inv, row.g);
        };
    }
}

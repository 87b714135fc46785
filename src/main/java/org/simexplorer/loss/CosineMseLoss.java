package org.simexplorer.loss;

import java.util.List;

/** Squared error between the cosine and the ±1 label: pulls positives to 1 and negatives all the way to -1. */
public final class CosineMseLoss extends MeanPairLoss {

    @Override
    public String id() {
        return "cosine-mse";
    }

    @Override
    public String formula() {
        return "Mean over labelled pairs of (S_ij − T_ij)², with S the cosine matrix.";
    }

    @Override
    public List<LossParameter> parameters() {
        return List.of();
    }

    @Override
    PairTerm term(LossParameters params) {
        return (s, label, slope) -> {
            double diff = s - label;
            slope[0] = 2 * diff;
            return diff * diff;
        };
    }

    @Override
    GramRows.Pass rowTerms(LossParameters params, GramRows rows, double inv) {
        float twiceInv = (float) (2 * inv);
        return (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] diff = row.a;
            int n = row.length;
            // (S − T)·T² is S − T on a labelled pair and 0 on an unlabelled one.
            for (int k = 0; k < n; k++) diff[k] = (s[k] - t[k]) * (t[k] * t[k]);
            if (row.g != null) {
                for (int k = 0; k < n; k++) row.g[k] = twiceInv * diff[k];
            }
            acc[0] += ArrayMath.sumOfProducts(diff, diff, n);
        };
    }
}

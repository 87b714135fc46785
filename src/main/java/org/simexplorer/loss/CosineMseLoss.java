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
}

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
}

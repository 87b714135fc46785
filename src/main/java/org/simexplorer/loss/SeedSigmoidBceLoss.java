package org.simexplorer.loss;

import java.util.List;

/**
 * sigmoid(E Eᵀ) with binary cross-entropy, the approach from the original question. Kept to show why it
 * fails: raw dot products are unnormalised and saturate the sigmoid, and there is no scale or bias.
 */
public final class SeedSigmoidBceLoss implements PairLoss {

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
    public boolean hasPairContributions() {
        return true;
    }

    @Override
    public boolean usesRawDotProducts() {
        return true;
    }

    @Override
    public double compute(float[] z, PairTarget target, LossParameters params, float[] gradient, double[] contributions) {
        int n = target.size();
        byte[] t = target.labels();
        double inv = 1.0 / target.labelledPairs();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double y = label > 0 ? 1 : 0;
                double logit = z[row + j];
                double term = LossMath.softplus(logit) - y * logit;
                sum += term;
                if (gradient != null) gradient[row + j] = (float) ((LossMath.sigmoid(logit) - y) * inv);
                if (contributions != null) contributions[row + j] = term * inv;
            }
        }
        return sum * inv;
    }
}

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
        double sum = LossMath.sumRows(n, true, i -> {
            int row = i * n;
            double rowSum = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                // BCE(z, y) = softplus(z) − y·z = softplus(−z) for y = 1: no cancellation for large z.
                double signed = -label * z[row + j];
                double e = Math.exp(-Math.abs(signed)); // one exp serves softplus and σ
                double term = Math.max(signed, 0) + LossMath.log1pOfSmall(e);
                rowSum += term;
                if (gradient != null) {
                    // ∂/∂z = σ(z) − y, which is −σ(−z) for y = 1 and σ(z) for y = 0: −label·σ(signed)
                    double sigmoid = signed >= 0 ? 1 / (1 + e) : e / (1 + e);
                    gradient[row + j] = (float) (-label * sigmoid * inv);
                }
                if (contributions != null) contributions[row + j] = term * inv;
            }
            return rowSum;
        });
        return sum * inv;
    }
}

package org.simexplorer.loss;

import java.util.List;

/** Squared error between the cosine and the ±1 label: pulls positives to 1 and negatives all the way to -1. */
public final class CosineMseLoss implements PairLoss {

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
    public boolean hasPairContributions() {
        return true;
    }

    @Override
    public double compute(float[] s, PairTarget target, LossParameters params, float[] gradient, double[] contributions) {
        int n = target.size();
        byte[] t = target.labels();
        double inv = 1.0 / target.labelledPairs();
        double sum = LossMath.sumRows(n, true, i -> {
            int row = i * n;
            double rowSum = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double diff = s[row + j] - label;
                rowSum += diff * diff;
                if (gradient != null) gradient[row + j] = (float) (2 * diff * inv);
                if (contributions != null) contributions[row + j] = diff * diff * inv;
            }
            return rowSum;
        });
        return sum * inv;
    }
}

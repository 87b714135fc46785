package org.simexplorer.loss;

import java.util.List;

/** SigLIP-style pairwise sigmoid loss: a logistic regression on the scaled, shifted cosine. */
public final class SigmoidLoss implements PairLoss {

    @Override
    public String id() {
        return "sigmoid";
    }

    @Override
    public String formula() {
        return "Mean over labelled pairs of log(1 + exp(−T_ij·(t·S_ij + b))) = softplus(−T_ij·(t·S_ij + b)).";
    }

    @Override
    public List<LossParameter> parameters() {
        return List.of(
                new LossParameter("t", 10.0, "scale applied to the cosine (SigLIP's temperature t)", false),
                new LossParameter("b", -10.0, "bias added after scaling", false));
    }

    @Override
    public boolean hasPairContributions() {
        return true;
    }

    @Override
    public double compute(float[] s, PairTarget target, LossParameters params, float[] gradient, double[] contributions) {
        int n = target.size();
        byte[] t = target.labels();
        double scale = params.get("t");
        double bias = params.get("b");
        double inv = 1.0 / target.labelledPairs();
        double sum = LossMath.sumRows(n, true, i -> {
            int row = i * n;
            double rowSum = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double x = -label * (scale * s[row + j] + bias);
                double e = Math.exp(-Math.abs(x)); // one exp serves softplus(x) and σ(x)
                double term = Math.max(x, 0) + LossMath.log1pOfSmall(e);
                rowSum += term;
                if (gradient != null) {
                    double sigmoid = x >= 0 ? 1 / (1 + e) : e / (1 + e);
                    gradient[row + j] = (float) (-label * scale * sigmoid * inv);
                }
                if (contributions != null) contributions[row + j] = term * inv;
            }
            return rowSum;
        });
        return sum * inv;
    }
}

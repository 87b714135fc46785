package org.simexplorer.loss;

import java.util.List;

/** SigLIP-style pairwise sigmoid loss: a logistic regression on the scaled, shifted cosine. */
public final class SigmoidLoss extends MeanPairLoss {

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
    PairTerm term(LossParameters params) {
        double scale = params.get("t");
        double bias = params.get("b");
        return (s, label, slope) -> LossMath.logisticLoss(-label * (scale * s + bias), -label * scale, slope);
    }

    @Override
    GramRows.Pass rowTerms(LossParameters params, GramRows rows, double inv) {
        float scale = (float) params.get("t");
        float bias = (float) params.get("b");
        float factor = (float) (-params.get("t") * inv);
        return (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] x = row.a;
            int n = row.length;
            for (int k = 0; k < n; k++) x[k] = -t[k] * (scale * s[k] + bias);
            acc[0] += LossMath.logisticRow(row, x, factor);
        };
    }
}

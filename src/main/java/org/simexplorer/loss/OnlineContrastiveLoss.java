package org.simexplorer.loss;

import java.util.List;

/**
 * Contrastive loss on hard pairs only (sentence-transformers' OnlineContrastiveLoss): positives farther
 * than the closest negative, negatives closer than the farthest positive. A sum, not a mean.
 */
public final class OnlineContrastiveLoss implements PairLoss {

    @Override
    public String id() {
        return "online-contrastive";
    }

    @Override
    public String formula() {
        return "d = 1 − S_ij; dp = distances of positive pairs, dn = of negative pairs. Hard negatives: dn < max(dp) "
                + "if there is more than one dp, else dn < mean(dn). Hard positives: dp > min(dn) if there is more "
                + "than one dn, else dp > mean(dp). Loss = Σ dp² over hard positives + Σ max(0, m − dn)² over hard "
                + "negatives (a sum, not a mean).";
    }

    @Override
    public List<LossParameter> parameters() {
        return List.of(new LossParameter("margin", 0.5, "m: hard negatives closer than this distance are penalised", false));
    }

    @Override
    public boolean hasPairContributions() {
        return true;
    }

    @Override
    public double compute(float[] s, PairTarget target, LossParameters params, float[] gradient, double[] contributions) {
        int n = target.size();
        byte[] t = target.labels();
        double margin = params.get("margin");
        int positives = target.positivePairs();
        int negatives = target.negativePairs();
        // Per-row statistics in parallel, combined in row order.
        double[] rowMaxDp = new double[n];
        double[] rowMinDn = new double[n];
        double[] rowSumDn = new double[n];
        double sumDp = LossMath.sumRows(n, true, i -> {
            int row = i * n;
            double maxDp = Double.NEGATIVE_INFINITY;
            double minDn = Double.POSITIVE_INFINITY;
            double dpSum = 0;
            double dnSum = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double d = 1.0 - s[row + j];
                if (label > 0) {
                    dpSum += d;
                    maxDp = Math.max(maxDp, d);
                } else {
                    dnSum += d;
                    minDn = Math.min(minDn, d);
                }
            }
            rowMaxDp[i] = maxDp;
            rowMinDn[i] = minDn;
            rowSumDn[i] = dnSum;
            return dpSum;
        });
        double maxDp = Double.NEGATIVE_INFINITY;
        double minDn = Double.POSITIVE_INFINITY;
        double sumDn = 0;
        for (int i = 0; i < n; i++) {
            maxDp = Math.max(maxDp, rowMaxDp[i]);
            minDn = Math.min(minDn, rowMinDn[i]);
            sumDn += rowSumDn[i];
        }
        // With an empty side the mean is NaN and, as in PyTorch, no comparison with it selects anything.
        double negativeBelow = positives > 1 ? maxDp : (negatives > 0 ? sumDn / negatives : Double.NaN);
        double positiveAbove = negatives > 1 ? minDn : (positives > 0 ? sumDp / positives : Double.NaN);
        return LossMath.sumRows(n, true, i -> {
            int row = i * n;
            double rowSum = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double d = 1.0 - s[row + j];
                double term = 0;
                double dTermDs = 0;
                if (label > 0 && d > positiveAbove) {
                    term = d * d;
                    dTermDs = -2 * d;
                } else if (label < 0 && d < negativeBelow) {
                    double gap = Math.max(0, margin - d);
                    term = gap * gap;
                    dTermDs = 2 * gap;
                }
                rowSum += term;
                if (gradient != null) gradient[row + j] = (float) dTermDs;
                if (contributions != null) contributions[row + j] = term;
            }
            return rowSum;
        });
    }
}

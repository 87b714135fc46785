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
    public double compute(LabelledPairs pairs, double[] s, LossParameters params, double[] gradient,
            double[] contributions) {
        int count = pairs.size();
        byte[] t = pairs.labels();
        double margin = params.get("margin");
        int positives = 0;
        double maxDp = Double.NEGATIVE_INFINITY;
        double minDn = Double.POSITIVE_INFINITY;
        double sumDp = 0;
        double sumDn = 0;
        for (int p = 0; p < count; p++) {
            double d = 1.0 - s[p];
            if (t[p] > 0) {
                positives++;
                sumDp += d;
                maxDp = Math.max(maxDp, d);
            } else {
                sumDn += d;
                minDn = Math.min(minDn, d);
            }
        }
        int negatives = count - positives;
        // With an empty side the mean is NaN and, as in PyTorch, no comparison with it selects anything.
        double negativeBelow = positives > 1 ? maxDp : (negatives > 0 ? sumDn / negatives : Double.NaN);
        double positiveAbove = negatives > 1 ? minDn : (positives > 0 ? sumDp / positives : Double.NaN);
        double sum = 0;
        for (int p = 0; p < count; p++) {
            double d = 1.0 - s[p];
            double term = 0;
            double slope = 0;
            if (t[p] > 0 && d > positiveAbove) {
                term = d * d;
                slope = -2 * d;
            } else if (t[p] < 0 && d < negativeBelow) {
                double gap = Math.max(0, margin - d);
                term = gap * gap;
                slope = 2 * gap;
            }
            sum += term;
            if (gradient != null) gradient[p] = slope;
            if (contributions != null) contributions[p] = term;
        }
        return sum;
    }
}

package org.simexplorer.loss;

import java.util.List;

/**
 * Contrastive loss on hard pairs only (sentence-transformers' OnlineContrastiveLoss): positives farther
 * than the closest negative, negatives closer than the farthest positive. A sum, not a mean.
 */
public final class OnlineContrastiveLoss implements PairLoss, GramLoss {

    /** Per row: positives, Σ dp, Σ dn, max dp, −min dn. */
    private static final GramRows.Merge[] STATISTICS = {GramRows.Merge.SUM, GramRows.Merge.SUM, GramRows.Merge.SUM,
            GramRows.Merge.MAX, GramRows.Merge.MAX};
    private static final GramRows.Merge[] ONE_SUM = {GramRows.Merge.SUM};

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

    @Override
    public double onGram(GramRows rows, LossParameters params) {
        double margin = params.get("margin");
        double far = GramRows.FAR;
        double[] statistics = rows.upper(STATISTICS, (row, acc) -> {
            double[] s = row.s;
            double[] t = row.t;
            double[] positive = row.a;
            double[] d = row.b;
            int n = row.length;
            for (int k = 0; k < n; k++) {
                positive[k] = (t[k] + 1) * 0.5 * (t[k] * t[k]);
                d[k] = 1.0 - s[k];
            }
            acc[0] += ArrayMath.sum(positive, 0, n);
            acc[1] += ArrayMath.sumOfProducts(positive, d, 0, n);
            for (int k = 0; k < n; k++) s[k] = positive[k] * d[k] - (1 - positive[k]) * far;
            acc[3] = ArrayMath.max(acc[3], s, n);
            // t becomes the negatives' indicator
            for (int k = 0; k < n; k++) t[k] = t[k] * t[k] - positive[k];
            acc[2] += ArrayMath.sumOfProducts(t, d, 0, n);
            for (int k = 0; k < n; k++) s[k] = -t[k] * d[k] - (1 - t[k]) * far;
            acc[4] = ArrayMath.max(acc[4], s, n);
        });
        int positives = (int) Math.round(statistics[0]);
        int negatives = rows.pairs() - positives;
        double negativeBelow = positives > 1 ? statistics[3]
                : (negatives > 0 ? statistics[2] / negatives : Double.NaN);
        double positiveAbove = negatives > 1 ? -statistics[4]
                : (positives > 0 ? statistics[1] / positives : Double.NaN);
        // A NaN threshold selects nothing, as in compute; so does an infinite one in the clamps below.
        double below = Double.isNaN(negativeBelow) ? Double.NEGATIVE_INFINITY : negativeBelow;
        double above = Double.isNaN(positiveAbove) ? Double.POSITIVE_INFINITY : positiveAbove;
        double sum = rows.upper(ONE_SUM, (row, acc) -> {
            double[] s = row.s;
            double[] t = row.t;
            double[] term = row.a;
            double[] slope = row.b;
            int n = row.length;
            for (int k = 0; k < n; k++) {
                double labelled = t[k] * t[k];
                double positive = (t[k] + 1) * 0.5 * labelled;
                double d = 1.0 - s[k];
                // [d > above] and [d < below] as clamps of a scaled difference, which vectorise
                double hardPositive = positive * Math.max(0, Math.min(1, (d - above) * far));
                double hardNegative = (labelled - positive) * Math.max(0, Math.min(1, (below - d) * far));
                double gap = Math.max(0, margin - d);
                term[k] = hardPositive * d * d + hardNegative * gap * gap;
                slope[k] = -2 * d * hardPositive + 2 * gap * hardNegative;
            }
            if (row.g != null) System.arraycopy(slope, 0, row.g, 0, n);
            acc[0] += ArrayMath.sum(term, 0, n);
        })[0];
        rows.mirror(1, 1);
        return sum;
    }
}

package org.simexplorer.loss;

import java.util.List;

/**
 * Contrastive loss on hard pairs only (sentence-transformers' OnlineContrastiveLoss): positives farther
 * than the closest negative, negatives closer than the farthest positive. A sum, not a mean.
 */
public final class OnlineContrastiveLoss implements PairLoss, GramLoss {

    /** Per slot: positives, max dp, −min dn. */
    private static final GramRows.Merge[] EXTREMES = {GramRows.Merge.SUM, GramRows.Merge.MAX, GramRows.Merge.MAX};
    /** Per slot: Σ dp, Σ dn. */
    private static final GramRows.Merge[] DISTANCE_SUMS = {GramRows.Merge.SUM, GramRows.Merge.SUM};
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
        float far = GramRows.FAR;
        // Entry k of every row segment goes to slot k of each statistic, so that a row costs no reduction.
        double[][] columns = rows.scan(GramRows.NONE, EXTREMES, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] positive = row.a;
            float[] negative = row.b;
            int n = row.length;
            float[] positives = row.sums[0];
            float[] maxDp = row.sums[1];
            float[] maxMinusDn = row.sums[2];
            row.splitLabels(positive);
            for (int k = 0; k < n; k++) {
                negative[k] = t[k] - positive[k];
                s[k] = 1 - s[k]; // now d
                positives[k] += positive[k];
            }
            for (int k = 0; k < n; k++) {
                maxDp[k] = Math.max(maxDp[k], positive[k] * s[k] - (1 - positive[k]) * far);
                maxMinusDn[k] = Math.max(maxMinusDn[k], -negative[k] * s[k] - (1 - negative[k]) * far);
            }
        }).sums();
        int positives = (int) Math.round(java.util.Arrays.stream(columns[0]).sum());
        int negatives = rows.pairs() - positives;
        double maxDp = Double.NEGATIVE_INFINITY;
        double maxMinusDn = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < rows.size(); k++) {
            maxDp = Math.max(maxDp, columns[1][k]);
            maxMinusDn = Math.max(maxMinusDn, columns[2][k]);
        }
        // A side with at most one pair is compared with the other side's mean distance, which only then is summed.
        double[] distanceSums = positives > 1 && negatives > 1 ? null : distanceSums(rows);
        double negativeBelow = positives > 1 ? maxDp
                : (negatives > 0 ? distanceSums[1] / negatives : Double.NaN);
        double positiveAbove = negatives > 1 ? -maxMinusDn
                : (positives > 0 ? distanceSums[0] / positives : Double.NaN);
        // A NaN threshold selects nothing, as in compute; so does an infinite one in the clamps below.
        float below = Double.isNaN(negativeBelow) ? Float.NEGATIVE_INFINITY : (float) negativeBelow;
        float above = Double.isNaN(positiveAbove) ? Float.POSITIVE_INFINITY : (float) positiveAbove;
        float margin = (float) params.get("margin");
        return rows.upper(ONE_SUM, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] hardPositive = row.a;
            float[] hardNegative = row.b;
            float[] slope = row.g == null ? row.scratch : row.g;
            int n = row.length;
            // Short loops, each of which the JIT vectorises; one loop doing all of it would not be.
            for (int k = 0; k < n; k++) {
                float positive = (t[k] + 1) * 0.5f * (t[k] * t[k]);
                // [d > above] and [d < below] as clamps of a scaled difference, with d = 1 − S
                hardPositive[k] = positive * Math.max(0f, Math.min(1f, (1 - s[k] - above) * far));
                hardNegative[k] = (t[k] * t[k] - positive) * Math.max(0f, Math.min(1f, (below - (1 - s[k])) * far));
            }
            for (int k = 0; k < n; k++) {
                float d = 1 - s[k];
                float gap = Math.max(0f, margin - d);
                slope[k] = -2 * d * hardPositive[k] + 2 * gap * hardNegative[k];
                t[k] = hardPositive[k] * d * d + hardNegative[k] * gap * gap;
            }
            acc[0] += ArrayMath.sum(t, n);
        })[0];
    }

    /** Σ dp and Σ dn over the block. */
    private static double[] distanceSums(GramRows rows) {
        double[][] columns = rows.scan(GramRows.NONE, DISTANCE_SUMS, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] positive = row.a;
            int n = row.length;
            float[] dp = row.sums[0];
            float[] dn = row.sums[1];
            row.splitLabels(positive);
            for (int k = 0; k < n; k++) {
                float d = 1 - s[k];
                dp[k] += positive[k] * d;
                dn[k] += (t[k] - positive[k]) * d;
            }
        }).sums();
        return new double[] {java.util.Arrays.stream(columns[0]).sum(), java.util.Arrays.stream(columns[1]).sum()};
    }
}

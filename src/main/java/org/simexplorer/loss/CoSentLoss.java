package org.simexplorer.loss;

import java.util.List;

/**
 * CoSENT: every negative pair should score below every positive pair. The sum over (negative a,
 * positive b) of exp(λ(S_a − S_b)) factorises, because labels are only ±1, into
 * (Σ_a exp(λS_a))·(Σ_b exp(−λS_b)); so the loss is softplus(LSE_neg(λS) + LSE_pos(−λS)), O(|P|) not O(|P|²).
 */
public final class CoSentLoss implements PairLoss, GramLoss {

    /** max S over negatives, max −S over positives. */
    private static final GramRows.Merge[] EXTREMES = {GramRows.Merge.MAX, GramRows.Merge.MAX};
    /** Σ exp over negatives, over positives. */
    private static final GramRows.Merge[] SUMS = {GramRows.Merge.SUM, GramRows.Merge.SUM};

    @Override
    public String id() {
        return "cosent";
    }

    @Override
    public String formula() {
        return "log(1 + Σ exp(λ·(S_a − S_b))) over every pair of labelled pairs a, b with T_a < T_b "
                + "(a negative, b positive); 0 when either side is empty.";
    }

    @Override
    public List<LossParameter> parameters() {
        return List.of(new LossParameter("scale", 20.0, "λ: how sharply a mis-ordered pair is penalised", true));
    }

    @Override
    public boolean hasPairContributions() {
        return false;
    }

    @Override
    public double compute(LabelledPairs pairs, double[] s, LossParameters params, double[] gradient,
            double[] contributions) {
        int count = pairs.size();
        byte[] t = pairs.labels();
        // The largest exponent on each side (max λS over negatives, max −λS over positives), so that no exp
        // overflows. λ > 0, so these are the largest and smallest S of each side.
        double maxNegS = Double.NEGATIVE_INFINITY;
        double minPosS = Double.POSITIVE_INFINITY;
        for (int p = 0; p < count; p++) {
            if (t[p] < 0) maxNegS = Math.max(maxNegS, s[p]);
            else minPosS = Math.min(minPosS, s[p]);
        }
        if (maxNegS == Double.NEGATIVE_INFINITY || minPosS == Double.POSITIVE_INFINITY) {
            return 0; // log(1 + empty sum)
        }
        double lambda = params.get("scale");
        double shiftNeg = lambda * maxNegS;
        double shiftPos = -lambda * minPosS;
        // Shifted sums; the shifted exponentials are kept in the gradient array for the backward step. The sign
        // enters as arithmetic, not a branch: with mixed labels a branch mispredicts half the time.
        double[] sums = new double[2];
        for (int p = 0; p < count; p++) {
            int label = t[p];
            int isNegative = (1 - label) >> 1;
            double e = Math.exp(-label * lambda * s[p] - (shiftPos + isNegative * (shiftNeg - shiftPos)));
            sums[isNegative] += e;
            if (gradient != null) gradient[p] = e;
        }
        double lseNeg = shiftNeg + Math.log(sums[1]);
        double lsePos = shiftPos + Math.log(sums[0]);
        if (gradient != null) {
            // ∂L/∂S_a = λ·σ(A+B)·softmax_neg(λS)_a and ∂L/∂S_b = −λ·σ(A+B)·softmax_pos(−λS)_b.
            double w = lambda * LossMath.sigmoid(lseNeg + lsePos);
            double negScale = w / sums[1];
            double posScale = -w / sums[0];
            for (int p = 0; p < count; p++) {
                int isNegative = (1 - t[p]) >> 1;
                gradient[p] *= posScale + isNegative * (negScale - posScale);
            }
        }
        return LossMath.softplus(lseNeg + lsePos);
    }

    /**
     * The shifts that keep every exponential in range: λ·max S over the negatives and λ·max(−S) over the positives,
     * or, when 2λ·|S| stays small enough that no exponential shifted by λ·{@link GramRows#MAX_COSINE} falls below
     * float's range, that bound itself, which needs no pass to find.
     */
    private static double[] shifts(GramRows rows, double lambda) {
        if (2 * lambda * GramRows.MAX_COSINE <= GramRows.FLOAT_EXP_RANGE) {
            return new double[] {lambda * GramRows.MAX_COSINE, lambda * GramRows.MAX_COSINE};
        }
        float far = GramRows.FAR;
        double[] extremes = rows.scan(EXTREMES, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] positive = row.a;
            float[] negative = row.b;
            int n = row.length;
            row.splitLabels(positive);
            for (int k = 0; k < n; k++) negative[k] = t[k] - positive[k];
            for (int k = 0; k < n; k++) t[k] = negative[k] * s[k] - (1 - negative[k]) * far;
            acc[0] = Math.max(acc[0], ArrayMath.max(-far, t, n));
            for (int k = 0; k < n; k++) s[k] = -positive[k] * s[k] - (1 - positive[k]) * far;
            acc[1] = Math.max(acc[1], ArrayMath.max(-far, s, n));
        });
        // An empty side leaves its maximum at −FAR; its sum is then 0 whatever the shift.
        return new double[] {lambda * Math.max(extremes[0], -1), lambda * Math.max(extremes[1], -1)};
    }

    /**
     * One pass: the shifted exponentials' sums, and each exponential left in G with the sign that tells the two
     * sides apart (+ for a negative pair, − for a positive), so that on its way into G it needs only a scale by sign.
     */
    @Override
    public double onGram(GramRows rows, LossParameters params) {
        double lambda = params.get("scale");
        double[] shift = shifts(rows, lambda);
        float scale = (float) lambda;
        float shiftNeg = (float) shift[0];
        float shiftPos = (float) shift[1];
        double[] sums = rows.upper(SUMS, GramRows.NONE, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] e = row.a;
            float[] negative = row.b;
            int n = row.length;
            for (int k = 0; k < n; k++) {
                negative[k] = (1 - t[k]) * 0.5f * (t[k] * t[k]);
                e[k] = -t[k] * scale * s[k] - (shiftPos + negative[k] * (shiftNeg - shiftPos));
            }
            ArrayMath.exp(e, n, row.exponents);
            for (int k = 0; k < n; k++) e[k] *= t[k] * t[k];
            if (row.g != null) {
                for (int k = 0; k < n; k++) row.g[k] = -t[k] * e[k];
            }
            for (int k = 0; k < n; k++) t[k] = t[k] * t[k] - negative[k]; // now the positives' indicator
            acc[0] += ArrayMath.sumOfProducts(e, negative, n);
            acc[1] += ArrayMath.sumOfProducts(e, t, n);
        }, totals -> scaleBySign(gradientScales(totals.acc(), shift, lambda))).acc();
        if (sums[0] == 0 || sums[1] == 0) return 0; // log(1 + empty sum), and G is 0
        double lseNeg = shift[0] + Math.log(sums[0]);
        double lsePos = shift[1] + Math.log(sums[1]);
        return LossMath.softplus(lseNeg + lsePos);
    }

    /**
     * What G's exponentials are scaled by, the negatives' (+) and the positives' (−): as in compute,
     * ∂L/∂S_a = λ·σ(A+B)·softmax_neg(λS)_a and ∂L/∂S_b = −λ·σ(A+B)·softmax_pos(−λS)_b; 0 when a side is empty.
     */
    private static float[] gradientScales(double[] sums, double[] shift, double lambda) {
        if (sums[0] == 0 || sums[1] == 0) return new float[] {0, 0};
        double w = lambda * LossMath.sigmoid(shift[0] + Math.log(sums[0]) + shift[1] + Math.log(sums[1]));
        return new float[] {(float) (w / sums[0]), (float) (w / sums[1])};
    }

    private static GramUpperPass.Rewrite scaleBySign(float[] scales) {
        float above = scales[0];
        float below = scales[1];
        return row -> {
            float[] g = row.g;
            int n = row.length;
            for (int k = 0; k < n; k++) g[k] = Math.max(g[k], 0f) * above + Math.min(g[k], 0f) * below;
        };
    }
}

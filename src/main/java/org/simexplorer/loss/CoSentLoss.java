package org.simexplorer.loss;

import java.util.List;

/**
 * CoSENT: every negative pair should score below every positive pair. The sum over (negative a,
 * positive b) of exp(λ(S_a − S_b)) factorises, because labels are only ±1, into
 * (Σ_a exp(λS_a))·(Σ_b exp(−λS_b)); so the loss is softplus(LSE_neg(λS) + LSE_pos(−λS)), O(|P|) not O(|P|²).
 */
public final class CoSentLoss implements PairLoss {

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
}

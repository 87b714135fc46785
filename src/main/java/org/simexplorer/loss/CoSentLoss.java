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
    public double compute(float[] s, PairTarget target, LossParameters params, float[] gradient, double[] contributions) {
        if (target.positivePairs() == 0 || target.negativePairs() == 0) {
            return 0; // log(1 + empty sum)
        }
        int n = target.size();
        byte[] t = target.labels();
        double lambda = params.get("scale");
        // Pass 1: the largest exponent on each side (max λS over negatives, max −λS over positives),
        // so that no exp overflows. λ > 0, so these are the largest and smallest S of each side.
        float[] rowMaxNeg = new float[n];
        float[] rowMinPos = new float[n];
        LossMath.forEachRow(n, true, i -> {
            int row = i * n;
            float maxNeg = Float.NEGATIVE_INFINITY;
            float minPos = Float.POSITIVE_INFINITY;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label < 0) maxNeg = Math.max(maxNeg, s[row + j]);
                else if (label > 0) minPos = Math.min(minPos, s[row + j]);
            }
            rowMaxNeg[i] = maxNeg;
            rowMinPos[i] = minPos;
        });
        float maxNegS = Float.NEGATIVE_INFINITY;
        float minPosS = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            maxNegS = Math.max(maxNegS, rowMaxNeg[i]);
            minPosS = Math.min(minPosS, rowMinPos[i]);
        }
        double shiftNeg = lambda * maxNegS;
        double shiftPos = -lambda * minPosS;
        // Pass 2: shifted sums; the shifted exponentials are kept in the gradient array for pass 3.
        double[] rowSumPos = new double[n];
        double sumNeg = LossMath.sumRows(n, true, i -> {
            int row = i * n;
            double neg = 0;
            double pos = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                // The sign enters as arithmetic, not a branch: with mixed labels a branch mispredicts half
                // the time. isNegative is 1 for -1 and 0 for +1.
                int isNegative = (1 - label) >> 1;
                double e = Math.exp(-label * lambda * s[row + j] - (shiftPos + isNegative * (shiftNeg - shiftPos)));
                neg += isNegative * e;
                pos += (1 - isNegative) * e;
                if (gradient != null) gradient[row + j] = (float) e;
            }
            rowSumPos[i] = pos;
            return neg;
        });
        double sumPos = 0;
        for (double p : rowSumPos) {
            sumPos += p;
        }
        double lseNeg = shiftNeg + Math.log(sumNeg);
        double lsePos = shiftPos + Math.log(sumPos);
        double value = LossMath.softplus(lseNeg + lsePos);
        if (gradient != null) {
            // ∂L/∂S_a = λ·σ(A+B)·softmax_neg(λS)_a and ∂L/∂S_b = −λ·σ(A+B)·softmax_pos(−λS)_b.
            double w = lambda * LossMath.sigmoid(lseNeg + lsePos);
            double negScale = w / sumNeg;
            double posScale = -w / sumPos;
            LossMath.forEachRow(n, true, i -> {
                int row = i * n;
                for (int j = i + 1; j < n; j++) {
                    int label = t[row + j];
                    if (label == 0) continue;
                    int isNegative = (1 - label) >> 1;
                    gradient[row + j] = (float) (gradient[row + j] * (posScale + isNegative * (negScale - posScale)));
                }
            });
        }
        return value;
    }
}

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
        // Pass 1: the largest exponent on each side, so no exp overflows.
        double maxNeg = Double.NEGATIVE_INFINITY;
        double maxPos = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label < 0) maxNeg = Math.max(maxNeg, lambda * s[row + j]);
                else if (label > 0) maxPos = Math.max(maxPos, -lambda * s[row + j]);
            }
        }
        // Pass 2: shifted sums; the shifted exponentials are kept in the gradient array for pass 3.
        double sumNeg = 0;
        double sumPos = 0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double e = label < 0 ? Math.exp(lambda * s[row + j] - maxNeg) : Math.exp(-lambda * s[row + j] - maxPos);
                if (label < 0) sumNeg += e;
                else sumPos += e;
                if (gradient != null) gradient[row + j] = (float) e;
            }
        }
        double lseNeg = maxNeg + Math.log(sumNeg);
        double lsePos = maxPos + Math.log(sumPos);
        double value = LossMath.softplus(lseNeg + lsePos);
        if (gradient != null) {
            // ∂L/∂S_a = λ·σ(A+B)·softmax_neg(λS)_a and ∂L/∂S_b = −λ·σ(A+B)·softmax_pos(−λS)_b.
            double w = lambda * LossMath.sigmoid(lseNeg + lsePos);
            double negScale = w / sumNeg;
            double posScale = -w / sumPos;
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int j = i + 1; j < n; j++) {
                    int label = t[row + j];
                    if (label == 0) continue;
                    gradient[row + j] = (float) (gradient[row + j] * (label < 0 ? negScale : posScale));
                }
            }
        }
        return value;
    }
}

package org.simexplorer.loss;

import org.simexplorer.errors.UndefinedException;
import java.util.List;

/**
 * Multi-positive InfoNCE: each row is a softmax over its labelled partners, scored by how much mass
 * lands on its positives. The cross-entropy of the original answer, done right.
 */
public final class SoftmaxCeLoss implements PairLoss {

    @Override
    public String id() {
        return "softmax-ce";
    }

    @Override
    public String formula() {
        return "For each row i: candidates C_i = {j ≠ i : T_ij ≠ 0}, positives P_i = {j : T_ij = +1}. A row counts "
                + "if |P_i| ≥ 1 and |C_i| ≥ 2; then ℓ_i = −mean over j in P_i of log softmax over C_i of (S_i·/τ) at j. "
                + "Loss = mean of ℓ_i over the rows that count; undefined when none counts.";
    }

    @Override
    public List<LossParameter> parameters() {
        return List.of(new LossParameter("temperature", 0.05, "τ: the softmax runs over S/τ", true));
    }

    @Override
    public boolean hasPairContributions() {
        return false;
    }

    @Override
    public double compute(float[] s, PairTarget target, LossParameters params, float[] gradient, double[] contributions) {
        int n = target.size();
        byte[] t = target.labels();
        double invTau = 1.0 / params.get("temperature");
        boolean[] counted = new boolean[n];
        int countedRows = 0;
        for (int i = 0; i < n; i++) {
            counted[i] = target.positivesInRow(i) >= 1 && target.labelledInRow(i) >= 2;
            if (counted[i]) countedRows++;
        }
        if (countedRows == 0) {
            throw new UndefinedException("softmax-ce is undefined for this target: no row has both a positive "
                    + "pair and another labelled pair to compare it with (a row needs |P_i| ≥ 1 and |C_i| ≥ 2).")
                    .with("loss", id());
        }
        double invRows = 1.0 / countedRows;
        // Unlabelled entries (the diagonal included) are skipped: that branch is predictable whether labels
        // are sparse or dense. Whether a label is +1 or -1 is not, so the sign enters as arithmetic:
        // (label + 1) >> 1 is 1 for +1 and 0 for -1. A mispredicted branch costs more than an exponential.
        double sum = LossMath.sumRows(n, false, i -> {
            if (!counted[i]) return 0;
            int row = i * n;
            float maxS = Float.NEGATIVE_INFINITY;
            double positiveS = 0;
            for (int j = 0; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                float v = s[row + j];
                maxS = v > maxS ? v : maxS;  // not Math.max: NaN-safe and slower, and S has no NaN
                positiveS += ((label + 1) >> 1) * v;
            }
            double max = maxS * invTau;
            // The exponentials go to a row buffer and are summed after: a sum carried across the exp
            // calls in one loop measured twice as slow.
            double[] exps = new double[n];
            double expSum = exponentials(s, t, row, n, invTau, max, exps);
            int positives = target.positivesInRow(i);
            if (gradient != null) {
                // ∂ℓ_i/∂S_ij = (softmax_j − [j ∈ P_i]/|P_i|)/τ, then the mean over counted rows.
                double softmaxScale = invTau * invRows / expSum;
                double positiveShare = invTau * invRows / positives;
                for (int j = 0; j < n; j++) {
                    int label = t[row + j];
                    if (label == 0) continue;
                    gradient[row + j] = (float) (exps[j] * softmaxScale - ((label + 1) >> 1) * positiveShare);
                }
            }
            return max + Math.log(expSum) - positiveS * invTau / positives;
        });
        return sum * invRows;
    }

    /** exp(S_ij/τ − max) for the labelled j of one row into {@code out}; returns their sum. */
    private static double exponentials(float[] s, byte[] t, int row, int n, double invTau, double max, double[] out) {
        for (int j = 0; j < n; j++) {
            if (t[row + j] == 0) continue;
            out[j] = Math.exp(s[row + j] * invTau - max);
        }
        double sum = 0;
        for (double e : out) {
            sum += e;
        }
        return sum;
    }
}

package org.simexplorer.loss;

import org.simexplorer.errors.UndefinedException;
import java.util.List;

/**
 * Multi-positive InfoNCE: each row is a softmax over its labelled partners, scored by how much mass
 * lands on its positives. The cross-entropy of the original answer, done right.
 */
public final class SoftmaxCeLoss implements PairLoss, GramLoss {

    private static final String ID = "softmax-ce";

    @Override
    public String id() {
        return ID;
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
    public double compute(LabelledPairs pairs, double[] s, LossParameters params, double[] gradient,
            double[] contributions) {
        PairIncidence rows = PairIncidence.of(pairs);
        byte[] t = pairs.labels();
        double invTau = 1.0 / params.get("temperature");
        int[] positives = new int[rows.rows()];
        int countedRows = 0;
        for (int i = 0; i < rows.rows(); i++) {
            for (int e = rows.start[i]; e < rows.start[i + 1]; e++) positives[i] += t[rows.pair[e]] > 0 ? 1 : 0;
            if (positives[i] >= 1 && rows.degree(i) >= 2) countedRows++;
            else positives[i] = 0;
        }
        if (countedRows == 0) throw undefined();
        double invRows = 1.0 / countedRows;
        // One slot per (row, labelled partner): exp(S_ij/τ − max) first, then ∂ℓ_i/∂S_ij. A pair's gradient is
        // the sum of its two slots, added after the rows are done so that rows can run in parallel.
        double[] slots = new double[rows.pair.length];
        double sum = LossMath.sumChunks(rows.rows(), 30L * slots.length, (from, to) -> {
            double chunkSum = 0;
            for (int i = from; i < to; i++) {
                if (positives[i] > 0) chunkSum += row(i, rows, s, t, invTau, positives[i], invRows, slots, gradient != null);
            }
            return chunkSum;
        });
        if (gradient != null) {
            for (int e = 0; e < slots.length; e++) gradient[rows.pair[e]] += slots[e];
        }
        return sum * invRows;
    }

    /** ℓ_i of one counted row; with {@code withGradient}, leaves ∂(mean ℓ)/∂S_ij in the row's slots. */
    private static double row(int i, PairIncidence rows, double[] s, byte[] t, double invTau, int positives,
            double invRows, double[] slots, boolean withGradient) {
        int from = rows.start[i];
        int to = rows.start[i + 1];
        double maxS = Double.NEGATIVE_INFINITY;
        double positiveS = 0;
        // Whether a label is +1 or -1 is not predictable, so the sign enters as arithmetic:
        // (label + 1) >> 1 is 1 for +1 and 0 for -1. A mispredicted branch costs more than an exponential.
        for (int e = from; e < to; e++) {
            double v = s[rows.pair[e]];
            maxS = v > maxS ? v : maxS;  // not Math.max: NaN-safe and slower, and S has no NaN
            positiveS += ((t[rows.pair[e]] + 1) >> 1) * v;
        }
        double max = maxS * invTau;
        // The exponentials go to the slots and are summed after: a sum carried across the exp calls in one loop
        // is slower (bench similarity, key loss_softmax-ce_with_gradient_n2000_ms_best).
        for (int e = from; e < to; e++) slots[e] = Math.exp(s[rows.pair[e]] * invTau - max);
        double expSum = 0;
        for (int e = from; e < to; e++) expSum += slots[e];
        if (withGradient) {
            // ∂ℓ_i/∂S_ij = (softmax_j − [j ∈ P_i]/|P_i|)/τ, then the mean over counted rows.
            double softmaxScale = invTau * invRows / expSum;
            double positiveShare = invTau * invRows / positives;
            for (int e = from; e < to; e++) {
                slots[e] = slots[e] * softmaxScale - ((t[rows.pair[e]] + 1) >> 1) * positiveShare;
            }
        }
        return max + Math.log(expSum) - positiveS * invTau / positives;
    }

    static UndefinedException undefined() {
        return (UndefinedException) new UndefinedException("softmax-ce is undefined for this target: no row has both "
                + "a positive pair and another labelled pair to compare it with (a row needs |P_i| ≥ 1 and |C_i| ≥ 2).")
                .with("loss", ID);
    }

    /** The dense route: {@link SoftmaxCeGram}. */
    @Override
    public double onGram(GramRows rows, LossParameters params) {
        return SoftmaxCeGram.onGram(rows, params);
    }
}

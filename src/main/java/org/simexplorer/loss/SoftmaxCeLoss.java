package org.simexplorer.loss;

import java.util.List;
import org.simexplorer.system.ApiException;

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

    /**
     * Above this spread of logits, (max S − min S)/τ, one shared shift could push a whole row's
     * exponentials below the normal float range (e⁻⁸⁷), so each row then takes its own maximum. With
     * cosines and the default τ = 0.05 the spread is at most 40.
     */
    static final double SHARED_SHIFT_MAX_SPREAD = 80;

    private final double sharedShiftMaxSpread;

    public SoftmaxCeLoss() {
        this(SHARED_SHIFT_MAX_SPREAD);
    }

    /** @param sharedShiftMaxSpread 0 forces the row-by-row route (for tests) */
    SoftmaxCeLoss(double sharedShiftMaxSpread) {
        this.sharedShiftMaxSpread = sharedShiftMaxSpread;
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
            throw ApiException.unprocessable("softmax-ce is undefined for this target: no row has both a positive "
                    + "pair and another labelled pair to compare it with (a row needs |P_i| ≥ 1 and |C_i| ≥ 2).")
                    .with("loss", id());
        }
        double invRows = 1.0 / countedRows;
        float[] rowMax = new float[n];
        float[] rowMin = new float[n];
        LossMath.forEachRow(n, true, i -> {
            int row = i * n;
            float max = Float.NEGATIVE_INFINITY;
            float min = Float.POSITIVE_INFINITY;
            for (int j = i + 1; j < n; j++) {
                boolean labelled = t[row + j] != 0;
                max = labelled ? Math.max(max, s[row + j]) : max;
                min = labelled ? Math.min(min, s[row + j]) : min;
            }
            rowMax[i] = max;
            rowMin[i] = min;
        });
        float maxS = Float.NEGATIVE_INFINITY;
        float minS = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            maxS = Math.max(maxS, rowMax[i]);
            minS = Math.min(minS, rowMin[i]);
        }
        double sum = ((double) maxS - minS) * invTau <= sharedShiftMaxSpread
                ? sharedShift(s, target, invTau, maxS * invTau, counted, invRows, gradient)
                : rowByRow(s, target, invTau, counted, invRows, gradient);
        return sum * invRows;
    }

    /**
     * Every softmax shifted by the largest logit of the batch: exp((S_ij − max S)/τ) then serves both row i
     * and row j, which halves the exponentials. Returns Σ ℓ_i over the counted rows.
     */
    private static double sharedShift(float[] s, PairTarget target, double invTau, double shift, boolean[] counted,
                                      double invRows, float[] gradient) {
        int n = target.size();
        byte[] t = target.labels();
        float[] e = gradient != null ? gradient : new float[n * n];
        // exp once per labelled pair i < j, written to both (i, j) and (j, i), tile by tile so the mirrored
        // writes stay in cache; one band of rows per task, and no two tasks share an entry.
        int tile = 64;
        int bands = (n + tile - 1) / tile;
        LossMath.forEachRow(bands, true, band -> {
            int i0 = band * tile;
            int i1 = Math.min(n, i0 + tile);
            for (int j0 = i0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int row = i * n;
                    for (int j = Math.max(j0, i + 1); j < j1; j++) {
                        if (t[row + j] == 0) continue;
                        float value = (float) Math.exp(s[row + j] * invTau - shift);
                        e[row + j] = value;
                        e[j * n + i] = value;
                    }
                }
            }
        });
        return LossMath.sumRows(n, false, i -> {
            int row = i * n;
            if (!counted[i]) {
                if (gradient != null) {
                    java.util.Arrays.fill(gradient, row, row + n, 0f);
                }
                return 0;
            }
            double expSum = 0;
            double positiveLogits = 0;
            for (int j = 0; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                expSum += e[row + j];
                positiveLogits += label > 0 ? s[row + j] * invTau : 0;
            }
            int positives = target.positivesInRow(i);
            if (gradient != null) {
                scaleRow(gradient, t, row, n, invTau * invRows / expSum, invTau * invRows / positives);
            }
            return shift + Math.log(expSum) - positiveLogits / positives;
        });
    }

    /** Each row shifted by its own largest logit: safe for any spread, one exponential per entry. */
    private static double rowByRow(float[] s, PairTarget target, double invTau, boolean[] counted, double invRows,
                                   float[] gradient) {
        int n = target.size();
        byte[] t = target.labels();
        return LossMath.sumRows(n, false, i -> {
            if (!counted[i]) return 0;
            int row = i * n;
            double max = Double.NEGATIVE_INFINITY;
            double positiveLogits = 0;
            // The diagonal label is always 0, so "T_ij ≠ 0" already excludes j = i.
            for (int j = 0; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double logit = s[row + j] * invTau;
                max = Math.max(max, logit);
                positiveLogits += label > 0 ? logit : 0;
            }
            double expSum = 0;
            for (int j = 0; j < n; j++) {
                if (t[row + j] == 0) continue;
                double e = Math.exp(s[row + j] * invTau - max);
                expSum += e;
                if (gradient != null) gradient[row + j] = (float) e;
            }
            int positives = target.positivesInRow(i);
            if (gradient != null) {
                scaleRow(gradient, t, row, n, invTau * invRows / expSum, invTau * invRows / positives);
            }
            return max + Math.log(expSum) - positiveLogits / positives;
        });
    }

    /**
     * Turns the exponentials held in row i of {@code gradient} into ∂L/∂S_ij = (softmax_j − [j ∈ P_i]/|P_i|)/τ,
     * divided by the number of counted rows.
     */
    private static void scaleRow(float[] gradient, byte[] t, int row, int n, double softmaxScale, double positiveShare) {
        for (int j = 0; j < n; j++) {
            int label = t[row + j];
            if (label == 0) continue;
            gradient[row + j] = (float) (gradient[row + j] * softmaxScale - (label > 0 ? positiveShare : 0));
        }
    }
}

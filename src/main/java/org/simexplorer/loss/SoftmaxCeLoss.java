package org.simexplorer.loss;

import org.simexplorer.errors.UndefinedException;
import java.util.List;

/**
 * Multi-positive InfoNCE: each row is a softmax over its labelled partners, scored by how much mass
 * lands on its positives. The cross-entropy of the original answer, done right.
 */
public final class SoftmaxCeLoss implements PairLoss, GramLoss {

    /** Σ ℓ_i and the rows that count. */
    private static final GramRows.Merge[] VALUE_AND_ROWS = {GramRows.Merge.SUM, GramRows.Merge.SUM};
    /** Per row: Σ E_ij, |P_i|, |C_i|, Σ S_ij over P_i. */
    private static final GramRows.Merge[] ROW_SUMS = {GramRows.Merge.SUM, GramRows.Merge.SUM, GramRows.Merge.SUM,
            GramRows.Merge.SUM};

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

    private UndefinedException undefined() {
        return (UndefinedException) new UndefinedException("softmax-ce is undefined for this target: no row has both "
                + "a positive pair and another labelled pair to compare it with (a row needs |P_i| ≥ 1 and |C_i| ≥ 2).")
                .with("loss", id());
    }

    /**
     * Each row of the block is one softmax. With every exponential shifted by the same bound
     * ({@link GramRows#MAX_COSINE}/τ, at least S_ij/τ) instead of its row's maximum, E_ij = e^{S_ij/τ − shift} is
     * symmetric, so one pass over the pairs i &lt; j gives every row's sums (a pair adds to both its rows) and leaves
     * E_ij in G, signed by the label. A pair's gradient is then A_ij + A_ji over the counted rows, with
     * A_ij = (E_ij/Σ_i − [j ∈ P_i]/|P_i|)/τ, that is E_ij·(c_i + c_j) − [j ∈ P_i]·(p_i + p_j): one pass over G.
     */
    @Override
    public double onGram(GramRows rows, LossParameters params) {
        double invTau = 1.0 / params.get("temperature");
        if (2 * GramRows.MAX_COSINE * invTau > GramRows.FLOAT_EXP_RANGE) return onGramRowByRow(rows, invTau);
        float inverse = (float) invTau;
        float shift = (float) (GramRows.MAX_COSINE * invTau);
        double[][] sums = rows.upper(GramRows.NONE, ROW_SUMS, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] e = row.a;
            float[] positive = row.b;
            int n = row.length;
            for (int k = 0; k < n; k++) {
                positive[k] = (t[k] + 1) * 0.5f * (t[k] * t[k]);
                t[k] *= t[k]; // now whether the pair is labelled
                e[k] = s[k] * inverse - shift;
            }
            ArrayMath.exp(e, n, row.scratch);
            for (int k = 0; k < n; k++) e[k] *= t[k];
            if (row.g != null) {
                for (int k = 0; k < n; k++) row.g[k] = (2 * positive[k] - t[k]) * e[k];
            }
            addToBothRows(row, 0, e);
            addToBothRows(row, 1, positive);
            addToBothRows(row, 2, t);
            for (int k = 0; k < n; k++) positive[k] *= s[k];
            addToBothRows(row, 3, positive);
        }, totals -> gradientRewrite(totals.sums(), invTau)).sums();
        double[] expSums = sums[0];
        double[] positives = sums[1];
        int m = rows.size();
        int counted = 0;
        double total = 0;
        for (int i = 0; i < m; i++) {
            if (!counted(sums, i)) continue;
            counted++;
            total += shift + Math.log(expSums[i]) - sums[3][i] * invTau / positives[i];
        }
        if (counted == 0) throw undefined();
        return total / counted;
    }

    /**
     * G_ij = A_ij + A_ji over the counted rows: E_ij·(c_i + c_j) − [j ∈ P_i]·(p_i + p_j), with c_i = 1/(τ·Σ_i·rows)
     * and p_i = 1/(τ·|P_i|·rows) for a counted row i and 0 for another; the pass left E_ij in G, signed by the label.
     */
    private static GramUpperPass.Rewrite gradientRewrite(double[][] sums, double invTau) {
        int m = sums[0].length;
        int counted = 0;
        for (int i = 0; i < m; i++) counted += counted(sums, i) ? 1 : 0;
        float[] c = new float[m];
        float[] p = new float[m];
        for (int i = 0; i < m; i++) {
            if (!counted(sums, i)) continue;
            c[i] = (float) (invTau / sums[0][i] / counted);
            p[i] = (float) (invTau / sums[1][i] / counted);
        }
        return (i, from, g, n) -> {
            float ci = c[i];
            float pi = p[i];
            for (int k = 0; k < n; k++) {
                // [g > 0] as a clamp, which vectorises: every labelled |E_ij| is at least e^{−FLOAT_EXP_RANGE}
                float positive = Math.max(0f, Math.min(1f, g[k] * Float.MAX_VALUE));
                g[k] = Math.abs(g[k]) * (ci + c[from + k]) - positive * (pi + p[from + k]);
            }
        };
    }

    /** Whether row i is one of the softmaxes: it has a positive, and another labelled pair to compare it with. */
    private static boolean counted(double[][] sums, int i) {
        return sums[1][i] >= 1 && sums[2][i] >= 2;
    }

    /**
     * sums[v] of row i and of each row j of the segment gain the segment's x. x is first copied to the segment's own
     * place, so that the loop reads and writes at the same index, which the JIT vectorises.
     */
    private static void addToBothRows(GramRow row, int v, float[] x) {
        float[] sum = row.sums[v];
        int from = row.from;
        int m = from + row.length;
        float[] placed = row.scratch;
        System.arraycopy(x, 0, placed, from, row.length);
        for (int j = from; j < m; j++) sum[j] += placed[j];
        sum[row.i] += (float) ArrayMath.sum(x, row.length);
    }

    /**
     * For a τ so small that a fixed shift would take exponentials out of float's range: each whole row of the block
     * is one softmax, shifted by its own maximum; ℓ_i from its exponentials, and A_ij = ∂ℓ_i/∂S_ij in the row. A
     * pair's gradient is A_ij + A_ji, which the symmetrising pass adds, with the mean over counted rows.
     */
    private double onGramRowByRow(GramRows rows, double invTau) {
        float inverse = (float) invTau;
        float far = GramRows.FAR;
        double[] totals = rows.full(VALUE_AND_ROWS, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] e = row.a;
            float[] positive = row.b;
            int n = row.length;
            for (int k = 0; k < n; k++) {
                positive[k] = (t[k] + 1) * 0.5f * (t[k] * t[k]);
                t[k] *= t[k]; // now whether the pair is labelled
            }
            double candidates = ArrayMath.sum(t, n);
            double positives = ArrayMath.sum(positive, n);
            if (positives < 1 || candidates < 2) {
                if (row.g != null) java.util.Arrays.fill(row.g, 0, n, 0f);
                return;
            }
            double positiveS = ArrayMath.sumOfProducts(positive, s, n);
            for (int k = 0; k < n; k++) e[k] = s[k] * t[k] - (1 - t[k]) * far;
            float max = ArrayMath.max(-far, e, n) * inverse;
            for (int k = 0; k < n; k++) e[k] = s[k] * inverse - max;
            ArrayMath.exp(e, n, row.scratch);
            for (int k = 0; k < n; k++) e[k] *= t[k];
            double expSum = ArrayMath.sum(e, n);
            acc[0] += max + Math.log(expSum) - positiveS * invTau / positives;
            acc[1] += 1;
            if (row.g != null) {
                // ∂ℓ_i/∂S_ij = (softmax_j − [j ∈ P_i]/|P_i|)/τ
                float softmaxScale = (float) (invTau / expSum);
                float positiveShare = (float) (invTau / positives);
                for (int k = 0; k < n; k++) row.g[k] = e[k] * softmaxScale - positive[k] * positiveShare;
            }
        });
        if (totals[1] == 0) throw undefined();
        rows.symmetrise(1 / totals[1]);
        return totals[0] / totals[1];
    }
}

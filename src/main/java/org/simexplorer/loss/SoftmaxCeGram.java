package org.simexplorer.loss;

/**
 * {@link SoftmaxCeLoss} on the dense block ({@link GramLoss}): the value from one pass over the pairs i &lt; j, and G
 * written once the rows' sums are in.
 */
final class SoftmaxCeGram {

    /** Σ ℓ_i and the rows that count. */
    private static final GramRows.Merge[] VALUE_AND_ROWS = {GramRows.Merge.SUM, GramRows.Merge.SUM};
    /** Per row: Σ E_ij, |P_i|, |C_i|, Σ S_ij over P_i. */
    private static final GramRows.Merge[] ROW_SUMS = {GramRows.Merge.SUM, GramRows.Merge.SUM, GramRows.Merge.SUM,
            GramRows.Merge.SUM};

    private SoftmaxCeGram() {
    }

    /**
     * Each row of the block is one softmax. With every exponential shifted by the same bound
     * ({@link GramRows#MAX_COSINE}/τ, at least S_ij/τ) instead of its row's maximum, E_ij = e^{S_ij/τ − shift} is
     * symmetric, so one pass over the pairs i &lt; j gives every row's sums (a pair adds to both its rows) and leaves
     * E_ij in G, signed by the label. A pair's gradient is then A_ij + A_ji over the counted rows, with
     * A_ij = (E_ij/Σ_i − [j ∈ P_i]/|P_i|)/τ, that is E_ij·(c_i + c_j) − [j ∈ P_i]·(p_i + p_j): one pass over G.
     */
    static double onGram(GramRows rows, LossParameters params) {
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
            row.splitLabels(positive); // t now whether the pair is labelled
            for (int k = 0; k < n; k++) e[k] = s[k] * inverse - shift;
            ArrayMath.exp(e, n, row.exponents);
            for (int k = 0; k < n; k++) e[k] *= t[k];
            if (row.g != null) {
                for (int k = 0; k < n; k++) row.g[k] = (2 * positive[k] - t[k]) * e[k];
            }
            for (int k = 0; k < n; k++) s[k] *= positive[k]; // now S over the positives
            addToColumns(row, 0, e);
            addToColumns(row, 1, positive);
            addToColumns(row, 2, t);
            addToColumns(row, 3, s);
            // Along the row, the sums that depend on S; the counts from the labels' bytes.
            row.sums[0][row.i] += (float) ArrayMath.sum(e, n);
            row.sums[3][row.i] += (float) ArrayMath.sum(s, n);
            row.countLabels();
            row.sums[1][row.i] += row.positives;
            row.sums[2][row.i] += row.labelled;
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
        if (counted == 0) throw SoftmaxCeLoss.undefined();
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
        return row -> {
            float[] g = row.g;
            int n = row.length;
            float ci = c[row.i];
            float pi = p[row.i];
            // c and p of the segment's columns, copied to its front: a loop that reads them at an offset from g's
            // index does not vectorise, and this one runs over every pair.
            float[] cj = row.a;
            float[] pj = row.b;
            System.arraycopy(c, row.from, cj, 0, n);
            System.arraycopy(p, row.from, pj, 0, n);
            for (int k = 0; k < n; k++) {
                // [g > 0] as a clamp, which vectorises: every labelled |E_ij| is at least e^{−FLOAT_EXP_RANGE}
                float positive = Math.max(0f, Math.min(1f, g[k] * Float.MAX_VALUE));
                g[k] = Math.abs(g[k]) * (ci + cj[k]) - positive * (pi + pj[k]);
            }
        };
    }

    /** Whether row i is one of the softmaxes: it has a positive, and another labelled pair to compare it with. */
    private static boolean counted(double[][] sums, int i) {
        return sums[1][i] >= 1 && sums[2][i] >= 2;
    }

    /**
     * sums[v] of each row j of the segment gains the segment's x. x is first copied to the segment's own place, so
     * that the loop reads and writes at the same index, which the JIT vectorises.
     */
    private static void addToColumns(GramRow row, int v, float[] x) {
        float[] sum = row.sums[v];
        int from = row.from;
        int m = from + row.length;
        float[] placed = row.scratch;
        System.arraycopy(x, 0, placed, from, row.length);
        for (int j = from; j < m; j++) sum[j] += placed[j];
    }

    /**
     * For a τ so small that a fixed shift would take exponentials out of float's range: each whole row of the block
     * is one softmax, shifted by its own maximum; ℓ_i from its exponentials, and A_ij = ∂ℓ_i/∂S_ij in the row. A
     * pair's gradient is A_ij + A_ji, which the symmetrising pass adds, with the mean over counted rows.
     */
    private static double onGramRowByRow(GramRows rows, double invTau) {
        float inverse = (float) invTau;
        float far = GramRows.FAR;
        double[] totals = rows.full(VALUE_AND_ROWS, (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] e = row.a;
            float[] positive = row.b;
            int n = row.length;
            row.countLabels();
            int positives = row.positives;
            if (positives < 1 || row.labelled < 2) {
                if (row.g != null) java.util.Arrays.fill(row.g, 0, n, 0f);
                return;
            }
            row.splitLabels(positive); // t now whether the pair is labelled
            double positiveS = ArrayMath.sumOfProducts(positive, s, n);
            for (int k = 0; k < n; k++) e[k] = s[k] * t[k] - (1 - t[k]) * far;
            float max = ArrayMath.max(-far, e, n) * inverse;
            for (int k = 0; k < n; k++) e[k] = s[k] * inverse - max;
            ArrayMath.exp(e, n, row.exponents);
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
        if (totals[1] == 0) throw SoftmaxCeLoss.undefined();
        rows.symmetrise(1 / totals[1]);
        return totals[0] / totals[1];
    }
}

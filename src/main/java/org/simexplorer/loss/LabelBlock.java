package org.simexplorer.loss;

/**
 * The labels of {@link PairGram}'s block: T_ij for slots i &lt; j, row-major m × m, 0 where a pair is not labelled.
 * The pairs are read as runs, each a stretch of pairs (i, j), (i, j + 1), … in order: consecutive touched rows have
 * consecutive slots, so a run's labels are one piece of the block's row and are copied at once. A fully labelled
 * target, in the order it lists its pairs, is one run per row.
 */
final class LabelBlock {

    /** Shorter runs are copied label by label, which costs less than a call. */
    private static final int COPY_FROM = 16;

    private LabelBlock() {
    }

    static byte[] of(LabelledPairs pairs, int[] slot, int m) {
        byte[] labels = new byte[Math.multiplyExact(m, m)];
        int[] first = pairs.first();
        int[] second = pairs.second();
        byte[] t = pairs.labels();
        LossMath.forRanges(t.length, t.length, (from, to) -> {
            int p = from;
            while (p < to) {
                int a = p;
                int row = first[a];
                int offset = second[a] - a;
                p++;
                while (p < to && first[p] == row && second[p] == offset + p) p++;
                int at = slot[row] * m + slot[second[a]];
                if (p - a >= COPY_FROM) {
                    System.arraycopy(t, a, labels, at, p - a);
                } else {
                    for (int q = a; q < p; q++) labels[at + q - a] = t[q];
                }
            }
        });
        return labels;
    }
}

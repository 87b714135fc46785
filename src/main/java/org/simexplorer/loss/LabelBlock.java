package org.simexplorer.loss;

/**
 * The labels of {@link PairGram}'s block: T_ij for slots i &lt; j, row-major m × m, 0 where a pair is not labelled.
 * The pairs are read as runs ({@link PairRuns}): consecutive touched rows have consecutive slots, so a
 * run's labels are one piece of the block's row and are copied at once.
 */
final class LabelBlock {

    /** Shorter runs are copied label by label, which costs less than a call. */
    private static final int COPY_FROM = 16;

    private LabelBlock() {
    }

    static byte[] of(LabelledPairs pairs, PairRuns runs, int m) {
        byte[] labels = new byte[Math.multiplyExact(m, m)];
        int[] first = pairs.first();
        int[] second = pairs.second();
        byte[] t = pairs.labels();
        int[] starts = runs.starts();
        int[] slot = runs.slot();
        LossMath.forRanges(runs.count(), t.length, (from, to) -> {
            for (int r = from; r < to; r++) {
                int a = starts[r];
                int b = starts[r + 1];
                int at = slot[first[a]] * m + slot[second[a]];
                if (b - a >= COPY_FROM) {
                    System.arraycopy(t, a, labels, at, b - a);
                } else {
                    for (int q = a; q < b; q++) labels[at + q - a] = t[q];
                }
            }
        });
        return labels;
    }
}

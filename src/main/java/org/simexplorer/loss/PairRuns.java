package org.simexplorer.loss;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The pairs cut into runs ({@link LabelledPairs#runEnd}: pairs (i, j), (i, j + 1), … in order), found in one scan,
 * and each row's slot, which follows from the runs alone. A fully labelled target is one run per row, so the dense
 * route's label block ({@link LabelBlock}) is then copied run by run without reading the pairs' rows again.
 *
 * @param starts where each run starts, then P
 * @param slot   each row's place among the rows some pair touches, in row order, or -1 for a row no pair touches
 */
record PairRuns(int[] starts, int[] slot) {

    static PairRuns of(LabelledPairs pairs) {
        int count = pairs.size();
        // In order, a run costs a few reads, so one thread finds them all sooner than a fork.
        int chunks = pairs.ordered() ? 1 : LossMath.chunks(count, count);
        int[][] parts = new int[chunks][];
        IntStream range = IntStream.range(0, chunks);
        // A run that crosses a chunk's edge is two runs, which is as good.
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            int to = LossMath.start(c + 1, chunks, count);
            int[] found = new int[16];
            int n = 0;
            for (int a = LossMath.start(c, chunks, count); a < to; a = pairs.runEnd(a, to)) {
                if (n == found.length) found = Arrays.copyOf(found, 2 * n);
                found[n++] = a;
            }
            parts[c] = Arrays.copyOf(found, n);
        });
        int total = 0;
        for (int[] part : parts) total += part.length;
        int[] starts = new int[total + 1];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, starts, at, part.length);
            at += part.length;
        }
        starts[total] = count;
        return new PairRuns(starts, slots(pairs, starts));
    }

    private static int[] slots(LabelledPairs pairs, int[] starts) {
        int rows = pairs.rows();
        int[] slot = new int[rows];
        Arrays.fill(slot, -1);
        int[] first = pairs.first();
        int[] second = pairs.second();
        // A run marks its row i, and its rows j by their ends, + at the first and − past the last: one pass over
        // the rows then adds them up, so the marking costs a run, not a pair.
        int[] ends = new int[rows + 1];
        for (int r = 0; r + 1 < starts.length; r++) {
            int a = starts[r];
            slot[first[a]] = 0;
            ends[second[a]]++;
            ends[second[starts[r + 1] - 1] + 1]--;
        }
        for (int i = 0, k = 0, open = 0; i < rows; i++) {
            open += ends[i];
            slot[i] = slot[i] == 0 || open > 0 ? k++ : -1;
        }
        return slot;
    }

    /** How many runs. */
    int count() {
        return starts.length - 1;
    }
}

package org.simexplorer.loss;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The pairs cut into runs ({@link #runEnd}: pairs (i, j), (i, j + 1), … in order), found in one scan,
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
            for (int a = LossMath.start(c, chunks, count); a < to; a = runEnd(pairs, a, to)) {
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

    /**
     * Where the run of pairs that starts at pair a ends (at most at {@code to}): a run is a stretch of pairs
     * (i, j), (i, j + 1), … in order, as a target lists a row's pairs, so that a fully labelled target is one run
     * per row and the passes that gather its rows or labels take a run at a time.
     */
    static int runEnd(LabelledPairs pairs, int a, int to) {
        int[] first = pairs.first();
        int[] second = pairs.second();
        int row = first[a];
        int offset = second[a] - a;
        if (!pairs.ordered()) {
            int p = a + 1;
            while (p < to && first[p] == row && second[p] == offset + p) p++;
            return p;
        }
        // In (i, j) order the pairs of the run are a prefix from a: past it the row changes or second[p] − p grows,
        // and neither comes back. A run cannot go past j = rows − 1, so that end is tried first: it is the end of
        // every run of a fully labelled row. Else the end is found by steps that double, then halve, reading O(log)
        // pairs.
        int longest = (int) Math.min(to, (long) a + pairs.rows() - second[a]);
        if (first[longest - 1] == row && second[longest - 1] == offset + longest - 1) return longest;
        int known = a;
        int step = 1;
        int probe = a + 1;
        while (probe < to && first[probe] == row && second[probe] == offset + probe) {
            known = probe;
            step <<= 1;
            probe = (int) Math.min(to, (long) known + step);
        }
        int lo = known + 1;
        int hi = probe;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (first[mid] == row && second[mid] == offset + mid) lo = mid + 1;
            else hi = mid;
        }
        return lo;
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

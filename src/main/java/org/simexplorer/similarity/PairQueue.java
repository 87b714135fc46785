package org.simexplorer.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which unlabelled pairs to offer for labelling next, without enumerating all N(N−1)/2 pairs.
 * <ul>
 * <li>informative: the pairs (r, t) for t in the neighbour list of each sampled row r, whose cosine lies nearest
 * the decision threshold; work is the sampled rows times k;</li>
 * <li>random: pairs i &lt; j drawn uniformly from a seeded generator and kept when unlabelled, for an unbiased
 * estimate of the metrics; work is a bounded number of draws.</li>
 * </ul>
 * Both leave out self pairs, labelled pairs and repeats ((i, j) and (j, i) are one pair, answered with i &lt; j).
 */
public final class PairQueue {

    /** Draws per wanted pair before the random queue gives up: a nearly fully labelled dataset never loops. */
    public static final int DRAWS_PER_PAIR = 8;

    private PairQueue() {
    }

    /** Whether the pair i &lt; j already has a label. */
    @FunctionalInterface
    public interface Labelled {
        boolean has(int i, int j);
    }

    /** The cosine of the pair i &lt; j. */
    @FunctionalInterface
    public interface Cosine {
        float of(int i, int j);
    }

    public enum Reason { NEAR_THRESHOLD, RANDOM }

    public record Candidate(int i, int j, float cosine, Reason reason) {
    }

    /**
     * @param candidates best first, at most the limit
     * @param considered how many (row, neighbour) or drawn pairs were looked at: the work done
     */
    public record Selection(List<Candidate> candidates, int considered) {
    }

    /** min(samples, n) distinct rows drawn without replacement from a seeded generator, in drawing order. */
    public static int[] sampleRows(int n, int samples, long seed) {
        int m = Math.min(Math.max(samples, 0), n);
        if (m == n) {
            int[] all = new int[n];
            for (int r = 0; r < n; r++) all[r] = r;
            return all;
        }
        // Floyd's algorithm: m draws, a set of m, never an array of n
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> chosen = new HashSet<>();
        int[] rows = new int[m];
        int next = 0;
        for (int top = n - m; top < n; top++) {
            int pick = random.nextInt(top + 1);
            int row = chosen.add(pick) ? pick : top;
            if (row == top) chosen.add(top);
            rows[next++] = row;
        }
        return rows;
    }

    /**
     * The unlabelled pairs among the rows' neighbour lists, ordered by |cosine − threshold|, then i, then j.
     *
     * @param rows  the sampled rows; {@code lists[q]} is the neighbour list of {@code rows[q]}
     */
    public static Selection informative(int[] rows, NeighbourList[] lists, Labelled labelled, double threshold,
            int limit) {
        if (rows.length != lists.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + lists.length + " neighbour lists");
        }
        Map<Long, Candidate> unique = new LinkedHashMap<>();
        int considered = 0;
        for (int q = 0; q < rows.length; q++) {
            NeighbourList list = lists[q];
            for (int t = 0; t < list.size(); t++) {
                considered++;
                int a = rows[q];
                int b = list.rows()[t];
                if (a == b) continue;
                int i = Math.min(a, b);
                int j = Math.max(a, b);
                if (labelled.has(i, j)) continue;
                unique.putIfAbsent(key(i, j), new Candidate(i, j, list.similarities()[t], Reason.NEAR_THRESHOLD));
            }
        }
        List<Candidate> ranked = new ArrayList<>(unique.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> Math.abs(c.cosine() - threshold))
                .thenComparingInt(Candidate::i).thenComparingInt(Candidate::j));
        return new Selection(List.copyOf(ranked.subList(0, Math.min(limit, ranked.size()))), considered);
    }

    /**
     * Up to {@code limit} distinct unlabelled pairs i &lt; j, each drawn uniformly among all pairs, in drawing
     * order; at most limit·{@link #DRAWS_PER_PAIR} draws, so fewer come back when almost every pair is labelled.
     */
    public static Selection random(int n, Labelled labelled, Cosine cosine, int limit, long seed) {
        List<Candidate> picked = new ArrayList<>();
        if (n < 2) return new Selection(picked, 0);
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        long draws = (long) limit * DRAWS_PER_PAIR;
        int considered = 0;
        while (picked.size() < limit && considered < draws) {
            considered++;
            int a = random.nextInt(n);
            int b = random.nextInt(n - 1);
            if (b >= a) b++;
            int i = Math.min(a, b);
            int j = Math.max(a, b);
            if (labelled.has(i, j) || !seen.add(key(i, j))) continue;
            picked.add(new Candidate(i, j, cosine.of(i, j), Reason.RANDOM));
        }
        return new Selection(List.copyOf(picked), considered);
    }

    /** One number per unordered pair i &lt; j. */
    public static long key(int i, int j) {
        return ((long) i << 32) | (j & 0xffffffffL);
    }
}

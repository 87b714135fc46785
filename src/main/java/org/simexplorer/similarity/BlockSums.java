package org.simexplorer.similarity;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The normalised rows (see {@link CosineTiles}) summed over aligned blocks of {@link #span()} display positions in
 * one order: the sums a mean tile is made of at every level whose pixels cover whole blocks, since a coarser
 * pixel's block is 2, 4, 8, … of these. With them, a coarse tile costs a few thousand additions instead of a pass
 * over every row it covers: the overview and the first view's tiles read all N rows, each, without them.
 */
public final class BlockSums {

    private final int span;
    private final int n;
    private final int d;
    /** Block b's sum at b·d, in double. */
    private final double[] sums;

    private BlockSums(int span, int n, int d, double[] sums) {
        this.span = span;
        this.n = n;
        this.d = d;
        this.sums = sums;
    }

    /** @param order display position → row; {@code span} a power of two */
    public static BlockSums of(float[][] embeddings, int[] order, int span) {
        if (Integer.bitCount(span) != 1) throw new IllegalArgumentException("span must be a power of two, not " + span);
        int n = order.length;
        int d = n == 0 ? 0 : embeddings[order[0]].length;
        int blocks = (n + span - 1) / span;
        double[] sums = new double[Math.multiplyExact(blocks, d)];
        IntStream range = IntStream.range(0, blocks);
        ((long) n * d > 1_000_000 ? range.parallel() : range).forEach(b -> {
            double[] sum = new double[d];
            addRows(embeddings, order, (long) b * span, Math.min(n, (b + 1) * span), sum);
            System.arraycopy(sum, 0, sums, b * d, d);
        });
        return new BlockSums(span, n, d, sums);
    }

    /** Display positions per block. */
    public int span() {
        return span;
    }

    /** Whether these sums were made for {@code n} positions of {@code d} values. */
    boolean fits(int n, int d) {
        return this.n == n && this.d == d;
    }

    /** What a cache counts for them. */
    public long bytes() {
        return 64 + 8L * sums.length;
    }

    /**
     * The sum of the rows at display positions [first, first + length) into {@code into}[0..d), where first is a
     * multiple of the span and the range ends at a multiple of it or at N.
     */
    void sum(long first, int length, float[] into) {
        int from = (int) (first / span);
        int to = (int) ((first + length + span - 1) / span);
        double[] total = new double[d];
        for (int b = from; b < to; b++) {
            int at = b * d;
            for (int t = 0; t < d; t++) total[t] += sums[at + t];
        }
        for (int t = 0; t < d; t++) into[t] = (float) total[t];
    }

    /**
     * Σ xᵢ over each pixel's block into {@code sums} (one row of d per pixel), from {@code base} when not null;
     * returns the block sizes.
     */
    static int[] pixelSums(float[][] e, int[] order, TilePyramid pyramid, int level, int tile, int pixels,
            int d, FloatBuffer sums, BlockSums base) {
        int[] counts = new int[pixels];
        IntStream range = IntStream.range(0, pixels);
        boolean parallel = base == null && pyramid.span(level) * (long) d > 50_000;
        (parallel ? range.parallel() : range).forEach(p -> {
            long first = pyramid.start(level, tile, p);
            int length = CosineTiles.blockLength(pyramid, level, tile, p);
            float[] row = new float[d];
            if (base != null) {
                base.sum(first, length, row);
            } else {
                double[] sum = new double[d];
                addRows(e, order, first, first + length, sum);
                for (int t = 0; t < d; t++) row[t] = (float) sum[t];
            }
            sums.duplicate().put(p * d, row);
            counts[p] = length;
        });
        return counts;
    }

    /** Adds the normalised rows at display positions [first, end) to sum[0..d), in double. */
    private static void addRows(float[][] e, int[] order, long first, long end, double[] sum) {
        for (long k = first; k < end; k++) {
            float[] v = e[order[(int) k]];
            double scale = CosineTiles.inverseNorm(v);
            for (int t = 0; t < sum.length; t++) sum[t] += v[t] * scale;
        }
    }
}

package org.simexplorer.loss;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The passes a {@link GramLoss} makes over the dense block of {@link PairGram}: row by row, in parallel chunks of
 * rows, each row copied in bulk out of S (and its G row back into the gradient block). A loss that reads each pair
 * once ({@link #upper}) gets G whole and symmetric from {@link GramUpperPass}; one that reads each row's whole
 * neighbourhood ({@link #full}) fills whole rows and then {@link #symmetrise}s them.
 */
final class GramRows {

    /** How a pass's per-row accumulators combine across chunks of rows. */
    enum Merge { SUM, MAX }

    /** One row's share of a pass: reads the row, writes {@code row.g} when it is not null, adds to {@code acc}. */
    @FunctionalInterface
    interface Pass {
        void row(GramRow row, double[] acc);
    }

    /**
     * A bound on |S_ij| for the block's cosines, which float products of unit rows can put a little past 1. The
     * passes use it only to size the range of their exponentials.
     */
    static final double MAX_COSINE = 1.001;

    private static final int TILE = 64;

    private final PairGram gram;
    private final UpperScores s;
    private final FloatBuffer g;
    private final int m;

    /** @param g the gradient block to fill, or null for the value alone */
    GramRows(PairGram gram, FloatBuffer g) {
        this.gram = gram;
        this.s = gram.scores();
        this.g = g;
        this.m = gram.size();
    }

    /** m, the rows (and columns) of the block. */
    int size() {
        return m;
    }

    /** P, the labelled pairs: the entries i &lt; j with T_ij ≠ 0. */
    int pairs() {
        return gram.pairs();
    }

    boolean gradient() {
        return g != null;
    }

    /** max(‖e‖, ε) of each row, by slot, for a loss on raw dot products z_ij = S_ij·‖e_i‖·‖e_j‖. */
    double[] flooredNorms() {
        return gram.flooredNorms();
    }

    /**
     * A stand-in for −∞ in the passes' masked maxima (x·mask − (1 − mask)·FAR), which keeps the arithmetic finite
     * where 0·∞ would give NaN.
     */
    static final float FAR = 1e30f;

    /**
     * e^{−x} for x up to this stays a normal float (whose range ends near e^{−87}): the bound under which a pass may
     * shift its exponentials by a fixed amount and keep them in G without losing any to zero.
     */
    static final double FLOAT_EXP_RANGE = 80;

    /**
     * Runs {@code pass} on columns i + 1 to m of every row i: each pair once. With a gradient block, the pass's
     * {@code row.g} becomes G_ij and G_ji, so that G is whole and symmetric afterwards (0 on the diagonal).
     */
    double[] upper(Merge[] merges, Pass pass) {
        return upper(merges, NONE, pass).acc();
    }

    /**
     * As {@link #upper(Merge[], Pass)}, with per-slot vectors in {@code row.sums} for the pass to add to (or take
     * the maximum into), combined as {@code vectors} says: a pass that adds a pair's share to the sums of both its
     * rows gets each row's total over its whole row; one that adds entry k to slot from + k spreads a total over m
     * slots, which costs no reduction per row.
     */
    GramUpperPass.Totals upper(Merge[] merges, Merge[] vectors, Pass pass) {
        return new GramUpperPass(s, g, gram.labels(false), m).run(merges, vectors, pass);
    }

    /**
     * As {@link #upper(Merge[], Merge[], Pass)}, for a loss whose G_ij is known only from the pass's totals: the pass
     * leaves each pair's share in {@code row.g}, and G is that share after the rewrite {@code rewrite} makes of the
     * totals. The rewrite must treat G_ij and G_ji alike (it may see either), and keep 0 at 0.
     */
    GramUpperPass.Totals upper(Merge[] merges, Merge[] vectors, Pass pass,
            java.util.function.Function<GramUpperPass.Totals, GramUpperPass.Rewrite> rewrite) {
        GramUpperPass upper = new GramUpperPass(s, g, gram.labels(false), m);
        return g == null ? upper.run(merges, vectors, pass) : upper.run(merges, vectors, pass, rewrite);
    }

    /** As {@link #upper(Merge[], Pass)}, but reading only: G is left alone, for a pass that gathers statistics. */
    double[] scan(Merge[] merges, Pass pass) {
        return scan(merges, NONE, pass).acc();
    }

    /** As {@link #upper(Merge[], Merge[], Pass)}, but reading only. */
    GramUpperPass.Totals scan(Merge[] merges, Merge[] vectors, Pass pass) {
        return new GramUpperPass(s, null, gram.labels(false), m).run(merges, vectors, pass);
    }

    /** No accumulators, or no per-slot vectors. */
    static final Merge[] NONE = {};

    /** Runs {@code pass} on all m columns of every row: each pair twice, once from each end; then {@link #symmetrise}. */
    double[] full(Merge[] merges, Pass pass) {
        byte[] labels = gram.labels(true);
        boolean gradient = g != null;
        int chunks = LossMath.chunks(m, 2L * m * m);
        double[][] partial = new double[chunks][];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            GramRow row = new GramRow(m, gradient);
            double[] acc = start(merges);
            for (int i = LossMath.start(c, chunks, m); i < LossMath.start(c + 1, chunks, m); i++) {
                row.i = i;
                row.from = 0;
                row.length = m;
                s.get(i, 0, row.s, m);
                row.copyLabels(labels, i * m);
                pass.row(row, acc);
                if (gradient) g.put(i * m, row.g, 0, m);
            }
            partial[c] = acc;
        });
        double[] total = start(merges);
        for (double[] acc : partial) merge(merges, total, acc);
        return total;
    }

    static double[] start(Merge[] merges) {
        double[] acc = new double[merges.length];
        for (int k = 0; k < merges.length; k++) acc[k] = merges[k] == Merge.SUM ? 0 : Double.NEGATIVE_INFINITY;
        return acc;
    }

    static void merge(Merge[] merges, double[] total, double[] acc) {
        for (int k = 0; k < merges.length; k++) {
            total[k] = merges[k] == Merge.SUM ? total[k] + acc[k] : Math.max(total[k], acc[k]);
        }
    }

    /** After {@link #full}: G ← scale·(G + Gᵀ), which is symmetric. */
    void symmetrise(double scale) {
        if (g == null) return;
        float factor = (float) scale;
        tiles((tile, transposed, i0, iEnd, j0, jEnd) -> {
            int columns = jEnd - j0;
            for (int i = i0; i < iEnd; i++) g.get(i * m + j0, tile, (i - i0) * TILE, columns);
            for (int j = j0; j < jEnd; j++) g.get(j * m + i0, transposed, (j - j0) * TILE, iEnd - i0);
            for (int i = i0; i < iEnd; i++) {
                for (int c = 0; c < columns; c++) {
                    float sum = factor * (tile[(i - i0) * TILE + c] + transposed[c * TILE + i - i0]);
                    tile[(i - i0) * TILE + c] = sum;
                }
            }
            for (int i = i0; i < iEnd; i++) {
                for (int c = 0; c < columns; c++) transposed[c * TILE + i - i0] = tile[(i - i0) * TILE + c];
            }
            writeBack(tile, transposed, i0, iEnd, j0, jEnd, true);
        });
    }

    /** Writes a tile (rows i0..iEnd, columns j0..jEnd) and its transpose (rows j0..jEnd, columns i0..iEnd). */
    private void writeBack(float[] tile, float[] transposed, int i0, int iEnd, int j0, int jEnd, boolean tileChanged) {
        if (tileChanged) {
            for (int i = i0; i < iEnd; i++) g.put(i * m + j0, tile, (i - i0) * TILE, jEnd - j0);
        }
        if (i0 == j0) return; // a diagonal tile is its own transpose once symmetric
        for (int j = j0; j < jEnd; j++) g.put(j * m + i0, transposed, (j - j0) * TILE, iEnd - i0);
    }

    @FunctionalInterface
    private interface TileWork {
        void on(float[] tile, float[] transposed, int i0, int iEnd, int j0, int jEnd);
    }

    /** Every tile on or above the diagonal, in parallel by tile row; each task owns its tiles and their mirrors. */
    private void tiles(TileWork work) {
        int tiles = (m + TILE - 1) / TILE;
        LossMath.forEach(tiles, (long) m * m, ti -> {
            float[] tile = new float[TILE * TILE];
            float[] transposed = new float[TILE * TILE];
            int i0 = ti * TILE;
            int iEnd = Math.min(m, i0 + TILE);
            for (int tj = ti; tj < tiles; tj++) {
                int j0 = tj * TILE;
                work.on(tile, transposed, i0, iEnd, j0, Math.min(m, j0 + TILE));
            }
        });
    }
}

package org.simexplorer.loss;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The passes a {@link GramLoss} makes over the dense block of {@link PairGram}: row by row, in parallel chunks of
 * rows, each row copied in bulk out of S (and its G row back into the gradient block), and then one tiled pass that
 * makes G symmetric. A loss that reads each pair once ({@link #upper}) fills the upper triangle and then
 * {@link #mirror}s it; one that reads each row's whole neighbourhood ({@link #full}) fills whole rows and then
 * {@link #symmetrise}s them.
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
    private final FloatBuffer g;
    private final int m;

    /** @param g the gradient block to fill, or null for the value alone */
    GramRows(PairGram gram, FloatBuffer g) {
        this.gram = gram;
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
    static final double FAR = 1e300;

    /** Runs {@code pass} on columns i + 1 to m of every row i: each pair once. */
    double[] upper(Merge[] merges, Pass pass) {
        return run(merges, pass, false);
    }

    /** Runs {@code pass} on all m columns of every row: each pair twice, once from each end. */
    double[] full(Merge[] merges, Pass pass) {
        return run(merges, pass, true);
    }

    private double[] run(Merge[] merges, Pass pass, boolean full) {
        FloatBuffer s = gram.scores();
        byte[] labels = gram.labels(full);
        boolean gradient = g != null;
        long work = (long) m * m * (full ? 2 : 1);
        int chunks = LossMath.chunks(m, work);
        double[][] partial = new double[chunks][];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            GramRow row = new GramRow(m, gradient);
            float[] floats = new float[m];
            byte[] bytes = new byte[m];
            double[] acc = start(merges);
            for (int i = LossMath.start(c, chunks, m); i < LossMath.start(c + 1, chunks, m); i++) {
                row.i = i;
                row.from = full ? 0 : i + 1;
                int n = m - row.from;
                row.length = n;
                if (n == 0) continue;
                s.get(i * m + row.from, floats, 0, n);
                System.arraycopy(labels, i * m + row.from, bytes, 0, n);
                for (int k = 0; k < n; k++) row.s[k] = floats[k];
                for (int k = 0; k < n; k++) row.t[k] = bytes[k];
                pass.row(row, acc);
                if (gradient) {
                    for (int k = 0; k < n; k++) floats[k] = (float) row.g[k];
                    g.put(i * m + row.from, floats, 0, n);
                }
            }
            partial[c] = acc;
        });
        double[] total = start(merges);
        for (double[] acc : partial) {
            for (int k = 0; k < merges.length; k++) {
                total[k] = merges[k] == Merge.SUM ? total[k] + acc[k] : Math.max(total[k], acc[k]);
            }
        }
        return total;
    }

    private static double[] start(Merge[] merges) {
        double[] acc = new double[merges.length];
        for (int k = 0; k < merges.length; k++) acc[k] = merges[k] == Merge.SUM ? 0 : Double.NEGATIVE_INFINITY;
        return acc;
    }

    /**
     * After {@link #upper}: scales each G_ij (i &lt; j) by {@code positive} or {@code negative} after its label, copies
     * it to G_ji, and zeroes the diagonal.
     */
    void mirror(double positive, double negative) {
        if (g == null) return;
        byte[] labels = gram.labels(false);
        boolean scaled = positive != 1 || negative != 1;
        // By label + 1; a lookup rather than arithmetic on the label, which would cancel when the scales differ
        // by orders of magnitude.
        float[] byLabel = {(float) negative, 0f, (float) positive};
        tiles((tile, transposed, i0, iEnd, j0, jEnd) -> {
            int columns = jEnd - j0;
            for (int i = i0; i < iEnd; i++) {
                int r = (i - i0) * TILE;
                g.get(i * m + j0, tile, r, columns);
                int from = Math.max(j0, i + 1) - j0;
                if (scaled) {
                    for (int c = from; c < columns; c++) tile[r + c] *= byLabel[labels[i * m + j0 + c] + 1];
                }
                for (int c = 0; c < from; c++) tile[r + c] = 0; // the diagonal, and below it in a diagonal tile
                for (int c = 0; c < columns; c++) transposed[c * TILE + i - i0] = tile[r + c];
            }
            if (i0 == j0) {
                // A diagonal tile holds its upper triangle in one array and its lower in the other.
                for (int r = 0; r < iEnd - i0; r++) {
                    for (int c = 0; c < columns; c++) tile[r * TILE + c] += transposed[r * TILE + c];
                }
            }
            writeBack(tile, transposed, i0, iEnd, j0, jEnd, scaled || i0 == j0);
        });
    }

    /** For a loss whose gradient is 0 everywhere: G ← 0, in place of the passes. */
    void clear() {
        if (g == null) return;
        float[] zeros = new float[m];
        for (int i = 0; i < m; i++) g.put(i * m, zeros, 0, m);
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

package org.simexplorer.loss;

import java.nio.FloatBuffer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The pass of {@link GramRows#upper}: each pair i &lt; j once, row segment by row segment, in blocks of
 * {@link #BLOCK} rows. With a gradient, a block's G rows are kept until the block is done and then written to both
 * triangles at once, its rows in place and their transpose as short runs into the rows below; so G comes out
 * symmetric without a second, strided pass over the block. Only the upper triangle of S is read
 * ({@link UpperScores}). A loss whose G needs the pass's totals ({@link #run(GramRows.Merge[], GramRows.Merge[],
 * GramRows.Pass, Function)}) has its rows wait in G's upper triangle until the totals are in, and then rewritten on
 * their way into both triangles: G's lower half is written once, where a pass that wrote G whole and then rewrote it
 * would go over all of G thrice.
 */
final class GramUpperPass {

    /** Rows per block: a block's G rows stay in a core's cache while their transpose is written. */
    private static final int BLOCK = 64;

    private final UpperScores s;
    private final FloatBuffer g;
    private final byte[] labels;
    private final int m;
    /** Whether the pass leaves its rows in G's upper triangle, to be rewritten once the totals are in. */
    private boolean deferred;

    /** @param g where G goes; null for a pass that writes nothing */
    GramUpperPass(UpperScores s, FloatBuffer g, byte[] labels, int m) {
        this.s = s;
        this.g = g;
        this.labels = labels;
        this.m = m;
    }

    /**
     * Rewrites a segment of a row of G, held in {@code row.g[0..row.length)}: row {@code row.i}'s columns from
     * {@code row.from} on. Its {@code s}, {@code a}, {@code b} and {@code scratch} are free for the rewrite's use.
     */
    @FunctionalInterface
    interface Rewrite {
        void segment(GramRow row);
    }

    /**
     * As {@link #run(GramRows.Merge[], GramRows.Merge[], GramRows.Pass)}, with G written only after the pass, each
     * entry through the rewrite that {@code rewrite} makes of the totals; needs a gradient. Until then the rows wait
     * in G's own upper triangle, which the rewrite reads back block by block: a block's transpose goes below the
     * diagonal, where no row still to be read lies.
     */
    Totals run(GramRows.Merge[] merges, GramRows.Merge[] vectors, GramRows.Pass pass, Function<Totals, Rewrite> rewrite) {
        deferred = true;
        try {
            Totals totals = run(merges, vectors, pass);
            Rewrite chosen = rewrite.apply(totals);
            inCouples(() -> new Worker(GramRows.NONE, GramRows.NONE), (worker, i0) -> worker.rewrite(i0, chosen));
            return totals;
        } finally {
            deferred = false;
        }
    }

    /** The merged accumulators, and the per-slot vectors when some were asked for (else null). */
    record Totals(double[] acc, double[][] sums) {
    }

    /** @param vectors how each per-slot vector of {@code row.sums} combines: a sum, or a maximum */
    Totals run(GramRows.Merge[] merges, GramRows.Merge[] vectors, GramRows.Pass pass) {
        Worker[] workers = inCouples(() -> new Worker(merges, vectors), (worker, i0) -> worker.block(i0, pass));
        int chunks = workers.length;
        double[][] partial = new double[chunks][];
        double[][][] partialSums = new double[chunks][][];
        for (int c = 0; c < chunks; c++) {
            partial[c] = workers[c].acc;
            partialSums[c] = workers[c].sums;
        }
        double[] total = GramRows.start(merges);
        for (double[] acc : partial) GramRows.merge(merges, total, acc);
        double[][] sums = vectors.length == 0 ? null : new double[vectors.length][];
        for (int v = 0; v < vectors.length; v++) {
            sums[v] = partialSums[0][v];
            for (int c = 1; c < chunks; c++) {
                double[] chunk = partialSums[c][v];
                if (vectors[v] == GramRows.Merge.SUM) {
                    for (int k = 0; k < m; k++) sums[v][k] += chunk[k];
                } else {
                    for (int k = 0; k < m; k++) sums[v][k] = Math.max(sums[v][k], chunk[k]);
                }
            }
        }
        return new Totals(total, sums);
    }

    /** Work on one block of rows, from row i0. */
    @FunctionalInterface
    private interface BlockWork {
        void on(Worker worker, int i0);
    }

    /** Runs {@code work} on every block, in parallel chunks of couples of blocks; the chunks' workers, in order. */
    private Worker[] inCouples(java.util.function.Supplier<Worker> workers, BlockWork work) {
        int blocks = (m + BLOCK - 1) / BLOCK;
        // Block b and block blocks − 1 − b together hold about the same number of pairs as any other such couple.
        int couples = (blocks + 1) / 2;
        // Few chunks, as the couples are of equal work: each chunk's worker holds a block of G rows.
        int chunks = Math.min(LossMath.chunks(couples, (long) m * m / 2), 2 * Runtime.getRuntime().availableProcessors());
        Worker[] done = new Worker[chunks];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            Worker worker = workers.get();
            for (int couple = LossMath.start(c, chunks, couples); couple < LossMath.start(c + 1, chunks, couples);
                    couple++) {
                work.on(worker, couple * BLOCK);
                int other = blocks - 1 - couple;
                if (other != couple) work.on(worker, other * BLOCK);
            }
            done[c] = worker;
        });
        return done;
    }

    /** One thread's row buffers and accumulators. */
    private final class Worker {
        final GramRow row;
        final double[] acc;
        final double[][] sums;
        /** G of the block's rows from the block's first column on, BLOCK × (m − i0). */
        final float[] block;
        final float[] column = new float[BLOCK];

        final GramRows.Merge[] vectors;

        Worker(GramRows.Merge[] merges, GramRows.Merge[] vectors) {
            row = new GramRow(m, g != null);
            this.vectors = vectors;
            row.sums = new float[vectors.length][m];
            sums = new double[vectors.length][m];
            for (int v = 0; v < vectors.length; v++) {
                if (vectors[v] == GramRows.Merge.MAX) {
                    java.util.Arrays.fill(row.sums[v], -GramRows.FAR);
                    java.util.Arrays.fill(sums[v], Double.NEGATIVE_INFINITY);
                }
            }
            acc = GramRows.start(merges);
            block = g == null ? null : new float[BLOCK * m];
        }

        void block(int i0, GramRows.Pass pass) {
            int i1 = Math.min(m, i0 + BLOCK);
            int width = m - i0;
            for (int i = i0; i < i1; i++) {
                row.i = i;
                row.from = i + 1;
                int n = m - row.from;
                row.length = n;
                if (n > 0) {
                    s.get(i, row.from, row.s, n);
                    row.copyLabels(labels, i * m + row.from);
                    pass.row(row, acc);
                }
                if (block == null) continue;
                if (deferred) {
                    g.put(i * m + i + 1, row.g, 0, n);
                    continue;
                }
                int at = (i - i0) * width;
                int diagonal = i - i0;
                for (int c = 0; c <= diagonal; c++) block[at + c] = 0;
                System.arraycopy(row.g, 0, block, at + diagonal + 1, n);
            }
            if (block != null && !deferred) write(i0, i1, width);
            for (int v = 0; v < vectors.length; v++) {
                float[] blockSums = row.sums[v];
                double[] total = sums[v];
                if (vectors[v] == GramRows.Merge.SUM) {
                    for (int k = 0; k < m; k++) total[k] += blockSums[k];
                    java.util.Arrays.fill(blockSums, 0f);
                } else {
                    for (int k = 0; k < m; k++) total[k] = Math.max(total[k], blockSums[k]);
                }
            }
        }

        /** The block's rows, read back from G's upper triangle, rewritten into both triangles. */
        void rewrite(int i0, Rewrite rewrite) {
            int i1 = Math.min(m, i0 + BLOCK);
            int width = m - i0;
            float[] segment = row.g;
            for (int i = i0; i < i1; i++) {
                int n = m - i - 1;
                g.get(i * m + i + 1, segment, 0, n);
                row.i = i;
                row.from = i + 1;
                row.length = n;
                rewrite.segment(row);
                int at = (i - i0) * width;
                int diagonal = i - i0;
                for (int c = 0; c <= diagonal; c++) block[at + c] = 0;
                System.arraycopy(segment, 0, block, at + diagonal + 1, n);
            }
            write(i0, i1, width);
        }

        private void write(int i0, int i1, int width) {
            int rows = i1 - i0;
            // The block's own square: its lower part is the transpose of its upper part.
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < r; c++) block[r * width + c] = block[c * width + r];
            }
            for (int r = 0; r < rows; r++) g.put((i0 + r) * m + i0, block, r * width, width);
            for (int j = i1; j < m; j++) {
                for (int r = 0; r < rows; r++) column[r] = block[r * width + j - i0];
                g.put(j * m + i0, column, 0, rows);
            }
        }
    }
}

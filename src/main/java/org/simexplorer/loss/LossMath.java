package org.simexplorer.loss;

import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/** Stable scalar pieces shared by the losses, and the row-parallel loop they run in. */
final class LossMath {

    private LossMath() {
    }

    /** log(1 + eˣ) without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return Math.max(x, 0) + log1pOfSmall(Math.exp(-Math.abs(x)));
    }

    /**
     * softplus(x) with x = a·score + c, and its slope a·σ(x) into {@code slope[0]}. One exponential serves
     * both, on the side where it cannot overflow.
     */
    static double logisticLoss(double x, double dxDscore, double[] slope) {
        double e = Math.exp(-Math.abs(x));
        slope[0] = dxDscore * (x >= 0 ? 1 / (1 + e) : e / (1 + e));
        return Math.max(x, 0) + log1pOfSmall(e);
    }

    /** 1 / (1 + e⁻ˣ), evaluated on the side where the exponential cannot overflow. */
    static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /**
     * log(1 + e) for 0 ≤ e ≤ 1. Math.log1p is not a JIT intrinsic and costs several times Math.log; below
     * 1e-4 a cubic Taylor series is exact to double precision, above it 1 + e loses nothing that matters.
     */
    static double log1pOfSmall(double e) {
        return e < 1e-4 ? e * (1 - e * (0.5 - e / 3)) : Math.log(1 + e);
    }

    /**
     * Σ over rows of {@code perRow}, the rows spread over the cores. The per-row results are added in
     * row order, so the value does not depend on scheduling.
     *
     * @param upperTriangle true when row i only visits columns j &gt; i, so early rows cost more
     */
    static double sumRows(int n, boolean upperTriangle, IntToDoubleFunction perRow) {
        double[] partial = new double[n];
        forEachRow(n, upperTriangle, i -> partial[i] = perRow.applyAsDouble(i));
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return sum;
    }

    /**
     * Runs {@code perRow} for every row, in contiguous chunks of equal work. A parallel stream over the
     * rows themselves splits them into equal counts, which for triangle loops leaves one core with most
     * of the work.
     */
    static void forEachRow(int n, boolean upperTriangle, IntConsumer perRow) {
        int[] starts = chunkStarts(n, upperTriangle);
        IntStream.range(0, starts.length - 1).parallel().forEach(c -> {
            for (int i = starts[c]; i < starts[c + 1]; i++) {
                perRow.accept(i);
            }
        });
    }

    /** Boundaries of 16 chunks per core with equal cost, row i costing n − i (triangle) or n. */
    private static int[] chunkStarts(int n, boolean upperTriangle) {
        int chunks = Math.max(1, Math.min(n, 16 * Runtime.getRuntime().availableProcessors()));
        int[] starts = new int[chunks + 1];
        double total = upperTriangle ? n * (n + 1) / 2.0 : n;
        double done = 0;
        int row = 0;
        for (int c = 1; c < chunks; c++) {
            double goal = total * c / chunks;
            while (row < n && done < goal) {
                done += upperTriangle ? n - row : 1;
                row++;
            }
            starts[c] = row;
        }
        starts[chunks] = n;
        return starts;
    }
}

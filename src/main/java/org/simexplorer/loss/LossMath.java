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
     */
    static double sumRows(int n, IntToDoubleFunction perRow) {
        double[] partial = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> partial[i] = perRow.applyAsDouble(i));
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return sum;
    }

    static void forEachRow(int n, IntConsumer perRow) {
        IntStream.range(0, n).parallel().forEach(perRow);
    }
}

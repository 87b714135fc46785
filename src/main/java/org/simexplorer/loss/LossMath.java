package org.simexplorer.loss;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Stable scalar pieces shared by the losses, and the chunked loops they run in. */
final class LossMath {

    /**
     * Below this much work (in multiply-adds or pair terms) a loop stays on the calling thread: forking costs more
     * than a small loop over the pairs takes.
     */
    static final long PARALLEL_FROM = 200_000;

    private LossMath() {
    }

    /** Sums a function of a range [from, to) of indices. */
    @FunctionalInterface
    interface RangeSum {
        double over(int from, int to);
    }

    /** Works on a range [from, to) of indices. */
    @FunctionalInterface
    interface Range {
        void over(int from, int to);
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

    /**
     * The logistic loss over a row of the dense block: Σ softplus(x[k]) over the labelled entries (row.t[k] ≠ 0),
     * and, when {@code row.g} is not null, g[k] = factor·t[k]·σ(x[k]), 0 where t[k] = 0. x and row.b are
     * overwritten. As in {@link #logisticLoss}, one exponential e^{−|x|} serves both, and the side of σ is chosen
     * by arithmetic on x rather than by a branch.
     */
    static double logisticRow(GramRow row, float[] x, float factor) {
        float[] t = row.t;
        float[] e = row.b;
        float[] g = row.g;
        int n = row.length;
        for (int k = 0; k < n; k++) e[k] = -Math.abs(x[k]);
        ArrayMath.exp(e, n, row.exponents);
        for (int k = 0; k < n; k++) e[k] *= t[k] * t[k];
        if (g != null) {
            for (int k = 0; k < n; k++) {
                // σ(x) = (x ≥ 0 ? 1 : e)/(1 + e); "above" is 1 for x > 0 and 0 for x < 0, as a clamp, which
                // vectorises where a comparison does not.
                float above = Math.max(0f, Math.min(1f, x[k] * GramRows.FAR));
                g[k] = factor * t[k] * ((e[k] + (1 - e[k]) * above) / (1 + e[k]));
            }
        }
        for (int k = 0; k < n; k++) x[k] = Math.max(x[k], 0f);
        return ArrayMath.sum(x, n) + ArrayMath.sumLog1p(e, n, row.scratch);
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
     * Σ of {@code sum} over [0, count) split in chunks; in parallel when {@code work} is worth it. The chunk sums
     * are added in chunk order, so the value does not depend on scheduling.
     */
    static double sumChunks(int count, long work, RangeSum sum) {
        int chunks = chunks(count, work);
        if (chunks == 1) return sum.over(0, count);
        double[] partial = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> partial[c] = sum.over(start(c, chunks, count),
                start(c + 1, chunks, count)));
        double total = 0;
        for (double p : partial) total += p;
        return total;
    }

    /**
     * Runs {@code range} over [0, count) split in chunks, in parallel when {@code work} is worth it: for loops too
     * cheap per index to pay for a call per index.
     */
    static void forRanges(int count, long work, Range range) {
        int chunks = chunks(count, work);
        IntStream all = IntStream.range(0, chunks);
        (chunks > 1 ? all.parallel() : all).forEach(c -> range.over(start(c, chunks, count), start(c + 1, chunks, count)));
    }

    /** Runs {@code each} for every index in [0, count), in parallel chunks when {@code work} is worth it. */
    static void forEach(int count, long work, IntConsumer each) {
        int chunks = chunks(count, work);
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            for (int k = start(c, chunks, count); k < start(c + 1, chunks, count); k++) each.accept(k);
        });
    }

    static int chunks(int count, long work) {
        if (work < PARALLEL_FROM || count < 2) return 1;
        return Math.min(count, 16 * Runtime.getRuntime().availableProcessors());
    }

    static int start(int chunk, int chunks, int count) {
        return (int) ((long) count * chunk / chunks);
    }
}

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

    /** Runs {@code each} for every index in [0, count), in parallel chunks when {@code work} is worth it. */
    static void forEach(int count, long work, IntConsumer each) {
        int chunks = chunks(count, work);
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            for (int k = start(c, chunks, count); k < start(c + 1, chunks, count); k++) each.accept(k);
        });
    }

    private static int chunks(int count, long work) {
        if (work < PARALLEL_FROM || count < 2) return 1;
        return Math.min(count, 16 * Runtime.getRuntime().availableProcessors());
    }

    private static int start(int chunk, int chunks, int count) {
        return (int) ((long) count * chunk / chunks);
    }
}

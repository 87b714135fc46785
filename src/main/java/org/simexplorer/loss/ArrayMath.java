package org.simexplorer.loss;

/**
 * exp, Σ and Σ log(1 + e) over the front of an array, written as plain counted loops of multiply-adds that the JIT
 * compiles to vector instructions. The dense route runs them over rows of m² scores, where a call to Math.exp per
 * entry would cost more than both matrix products ({@code bench similarity}, key {@code loss_floor_math_exp_*}).
 */
public final class ArrayMath {

    /**
     * Above this |x| the squarings would lose more than about 1e-9 of relative precision (each one doubles the
     * error), so {@link #exp(double[], int, double)} falls back to Math.exp. At |x| ≈ 745 and beyond e^x is 0 or
     * ∞ in double anyway.
     */
    static final double SQUARING_RANGE = 1 << 20;

    private ArrayMath() {
    }

    /**
     * x[k] ← e^{x[k]} for k &lt; n, every |x[k]| at most about {@code range}. e^x = (e^{x/2^q})^{2^q}: with q such
     * that |x|/2^q ≤ 1/16, a degree-7 Taylor polynomial is exact to 6e-15, and q squarings follow; the relative
     * error is about 2^q·1e-16 (1e-13 for |x| ≤ 40). Results below the double range flush to 0, above it to ∞.
     */
    public static void exp(double[] x, int n, double range) {
        if (!(range <= SQUARING_RANGE)) {
            for (int k = 0; k < n; k++) x[k] = Math.exp(x[k]);
            return;
        }
        int q = Math.max(0, Math.getExponent(range) + 5);
        double inv = Math.scalb(1.0, -q);
        for (int k = 0; k < n; k++) {
            double r = x[k] * inv;
            x[k] = 1 + r * (1 + r * (1 / 2.0 + r * (1 / 6.0 + r * (1 / 24.0 + r * (1 / 120.0 + r * (1 / 720.0
                    + r * (1 / 5040.0)))))));
        }
        for (int squaring = 0; squaring < q; squaring++) {
            for (int k = 0; k < n; k++) x[k] *= x[k];
        }
    }

    /** Σ a[k] for k in [from, to), four partial sums so that the additions do not wait on each other. */
    static double sum(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += a[k];
            s1 += a[k + 1];
            s2 += a[k + 2];
            s3 += a[k + 3];
        }
        for (; k < to; k++) s0 += a[k];
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ a[k]·b[k] for k in [from, to), with four partial sums. */
    static double sumOfProducts(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < to; k++) s0 += a[k] * b[k];
        return (s0 + s1) + (s2 + s3);
    }

    /** max(start, a[k]) over k in [0, n), with four partial maxima. */
    static double max(double start, double[] a, int n) {
        double m0 = start;
        double m1 = start;
        double m2 = start;
        double m3 = start;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            m0 = Math.max(m0, a[k]);
            m1 = Math.max(m1, a[k + 1]);
            m2 = Math.max(m2, a[k + 2]);
            m3 = Math.max(m3, a[k + 3]);
        }
        for (; k < n; k++) m0 = Math.max(m0, a[k]);
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    /**
     * Σ log(1 + e[k]) for k in [from, to), each 0 ≤ e[k] ≤ 1: the factors 1 + e multiplied in blocks of 256, whose
     * product stays below 2^256, and one log per block instead of one per entry.
     */
    static double sumLog1p(double[] e, int from, int to) {
        double total = 0;
        for (int start = from; start < to; start += 256) {
            int end = Math.min(to, start + 256);
            double p0 = 1;
            double p1 = 1;
            double p2 = 1;
            double p3 = 1;
            int k = start;
            for (; k + 3 < end; k += 4) {
                p0 *= 1 + e[k];
                p1 *= 1 + e[k + 1];
                p2 *= 1 + e[k + 2];
                p3 *= 1 + e[k + 3];
            }
            for (; k < end; k++) p0 *= 1 + e[k];
            total += Math.log((p0 * p1) * (p2 * p3));
        }
        return total;
    }
}

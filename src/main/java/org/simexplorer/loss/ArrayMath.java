package org.simexplorer.loss;

/**
 * exp, log(1 + x), Σ and max over the front of float arrays, written as plain counted loops of float arithmetic
 * that the JIT compiles to vector instructions. The dense route runs them over rows of m² scores, where a call to
 * Math.exp or Math.log per entry would cost more than both matrix products ({@code bench similarity}, key
 * {@code loss_floor_math_exp_*}). The loops read and write one element type: the JIT does not vectorise a loop that
 * converts between float and double. Sums keep float only within blocks of 64 entries.
 */
public final class ArrayMath {

    /** e^x is a normal float down to about e^{−87}; {@link #exp} takes anything lower as this. */
    static final float LOWEST_EXPONENT = -87f;

    /** Adding and subtracting 1.5·2^23 rounds a float of magnitude below 2^22 to the nearest integer. */
    private static final float ROUND = 12582912f;
    private static final float LOG2_E = 1.44269504f;
    /** ln 2 in two parts, the first with few enough bits that n·LN2_HIGH is exact for |n| &lt; 2^15. */
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;

    private ArrayMath() {
    }

    /** 2^{−2^b} for b = 0..6, the factors of 2^{−j} for j &lt; 128. */
    private static final float[] BIT_POWERS = {0.5f, 0x1p-2f, 0x1p-4f, 0x1p-8f, 0x1p-16f, 0x1p-32f, 0x1p-64f};

    /**
     * x[k] ← e^{x[k]} for k &lt; n, each x[k] at most 1/2 (above that, as 1/2) and below {@link #LOWEST_EXPONENT}
     * taken as that; {@code scratch} is overwritten. e^x = 2^q·e^r with q the integer nearest x/ln 2 and
     * |r| ≤ ln 2 / 2: e^r from a degree-7 Taylor polynomial (relative error 5e-9), and 2^q = 2·2^{−j} with
     * j = 1 − q in [0, 127] as the product of 2^{−2^b} over the bits b of j, which is exact; so the result is within
     * a few float roundings of e^x. Several short loops rather than one: the JIT vectorises only a small loop body.
     */
    public static void exp(float[] x, int n, float[] scratch) {
        exp(x, n, scratch, LOWEST_EXPONENT);
    }

    /**
     * As {@link #exp(float[], int, float[])}, for exponents known to be at least {@code lowest} (itself at least
     * {@link #LOWEST_EXPONENT}; anything below it is taken as it): j then has fewer bits to go through, one loop
     * fewer for each halving of the range, e^{−40} needing six and e^{−20} five where e^{−87} needs seven.
     */
    static void exp(float[] x, int n, float[] scratch, float lowest) {
        float floor = Math.max(LOWEST_EXPONENT, lowest);
        // The loop's own rounding of the floor: q of any x at or above it is at least this, float arithmetic
        // being monotonic.
        int largestJ = (int) (1 - ((floor * LOG2_E + ROUND) - ROUND));
        int bits = 32 - Integer.numberOfLeadingZeros(largestJ);
        float[] j = scratch;
        for (int k = 0; k < n; k++) {
            float v = Math.min(0.5f, Math.max(floor, x[k]));
            float q = (v * LOG2_E + ROUND) - ROUND;
            j[k] = 1 - q;
            x[k] = (v - q * LN2_HIGH) - q * LN2_LOW;
        }
        for (int k = 0; k < n; k++) {
            float r = x[k];
            x[k] = 2 * (1 + r * (1 + r * (1 / 2f + r * (1 / 6f + r * (1 / 24f + r * (1 / 120f + r * (1 / 720f
                    + r * (1 / 5040f))))))));
        }
        for (int b = 0; b < bits; b++) {
            float power = BIT_POWERS[b];
            // j's lowest bit is j − 2·⌊j/2⌋, and ⌊j/2⌋ is j/2 − 1/4 rounded, j/2 being an integer or one and a half.
            for (int k = 0; k < n; k++) {
                float half = ((j[k] * 0.5f - 0.25f) + ROUND) - ROUND;
                float bit = j[k] - 2 * half;
                x[k] *= bit * power + (1 - bit);
                j[k] = half;
            }
        }
    }

    /**
     * Σ log(1 + e[k]) for k &lt; n, each 0 ≤ e[k] ≤ 1, with {@code scratch} overwritten: log(1 + e) = 2·atanh(z) with
     * z = e/(2 + e) ≤ 1/3, whose odd series to z^15 is exact to float precision and loses nothing for small e.
     */
    static double sumLog1p(float[] e, int n, float[] scratch) {
        for (int k = 0; k < n; k++) {
            float z = e[k] / (2 + e[k]);
            float z2 = z * z;
            scratch[k] = 2 * z * (1 + z2 * (1 / 3f + z2 * (1 / 5f + z2 * (1 / 7f + z2 * (1 / 9f + z2 * (1 / 11f
                    + z2 * (1 / 13f + z2 * (1 / 15f))))))));
        }
        return sum(scratch, n);
    }

    /**
     * Σ a[k] for k &lt; n: blocks of 64 summed in float along eight chains that do not wait on each other, the blocks'
     * sums added in double.
     */
    static double sum(float[] a, int n) {
        double total = 0;
        int k = 0;
        for (; k + 64 <= n; k += 64) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            float s4 = 0;
            float s5 = 0;
            float s6 = 0;
            float s7 = 0;
            for (int q = k; q < k + 64; q += 8) {
                s0 += a[q];
                s1 += a[q + 1];
                s2 += a[q + 2];
                s3 += a[q + 3];
                s4 += a[q + 4];
                s5 += a[q + 5];
                s6 += a[q + 6];
                s7 += a[q + 7];
            }
            total += ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
        for (; k < n; k++) total += a[k];
        return total;
    }

    /** Σ a[k]·b[k] for k &lt; n, in blocks as {@link #sum}. */
    static double sumOfProducts(float[] a, float[] b, int n) {
        double total = 0;
        int k = 0;
        for (; k + 64 <= n; k += 64) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            float s4 = 0;
            float s5 = 0;
            float s6 = 0;
            float s7 = 0;
            for (int q = k; q < k + 64; q += 8) {
                s0 += a[q] * b[q];
                s1 += a[q + 1] * b[q + 1];
                s2 += a[q + 2] * b[q + 2];
                s3 += a[q + 3] * b[q + 3];
                s4 += a[q + 4] * b[q + 4];
                s5 += a[q + 5] * b[q + 5];
                s6 += a[q + 6] * b[q + 6];
                s7 += a[q + 7] * b[q + 7];
            }
            total += ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
        for (; k < n; k++) total += a[k] * b[k];
        return total;
    }

    /** max(start, a[k]) over k &lt; n, with four partial maxima. */
    static float max(float start, float[] a, int n) {
        float m0 = start;
        float m1 = start;
        float m2 = start;
        float m3 = start;
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
}

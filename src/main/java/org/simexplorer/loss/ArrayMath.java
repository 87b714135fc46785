package org.simexplorer.loss;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

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

    /** The bits of {@link #ROUND}: those of ROUND + q are these plus q, for an integer |q| &lt; 2^22. */
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    /** Where a float's exponent field starts, and its bias. */
    private static final int EXPONENT_SHIFT = 23;
    private static final int EXPONENT_BIAS = 127;

    /**
     * One thread's scratch for {@link #exp}: a float array, an int array, and a buffer seen both as floats and as
     * ints. Floats' bits become ints by a bulk copy through the buffer's two views, at the speed of a memory copy; a
     * loop of {@link Float#floatToRawIntBits} per entry does not vectorise.
     */
    public static final class ExpScratch {
        private final float[] rounded;
        private final int[] bits;
        private final FloatBuffer asFloats;
        private final IntBuffer asInts;

        /** @param capacity the largest n it serves */
        public ExpScratch(int capacity) {
            rounded = new float[capacity];
            bits = new int[capacity];
            ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(capacity, Float.BYTES)).order(ByteOrder.nativeOrder());
            asFloats = buffer.asFloatBuffer();
            asInts = buffer.asIntBuffer();
        }
    }

    /**
     * x[k] ← e^{x[k]} for k &lt; n, each x[k] at most 1/2 (above that, as 1/2) and below {@link #LOWEST_EXPONENT}
     * taken as that. e^x = 2^q·e^r with q the integer nearest x/ln 2 and |r| ≤ ln 2 / 2: e^r from a degree-7 Taylor
     * polynomial (relative error 5e-9), and 2^q exactly, as the float whose exponent field is q + 127 (q is at least
     * −126, so 2^q is a normal float); so the result is within a few float roundings of e^x. x/ln 2 is rounded by
     * adding {@link #ROUND}, which leaves q in the low bits of the sum; an int loop moves it to the exponent field.
     * Several short loops rather than one: the JIT vectorises only a small loop body, and none that converts.
     */
    public static void exp(float[] x, int n, ExpScratch scratch) {
        float[] rounded = scratch.rounded;
        int[] bits = scratch.bits;
        for (int k = 0; k < n; k++) {
            float v = Math.min(0.5f, Math.max(LOWEST_EXPONENT, x[k]));
            float shifted = v * LOG2_E + ROUND;
            rounded[k] = shifted;
            float q = shifted - ROUND;
            x[k] = (v - q * LN2_HIGH) - q * LN2_LOW;
        }
        for (int k = 0; k < n; k++) {
            float r = x[k];
            x[k] = 1 + r * (1 + r * (1 / 2f + r * (1 / 6f + r * (1 / 24f + r * (1 / 120f + r * (1 / 720f
                    + r * (1 / 5040f)))))));
        }
        scratch.asFloats.put(0, rounded, 0, n);
        scratch.asInts.get(0, bits, 0, n);
        for (int k = 0; k < n; k++) bits[k] = (bits[k] - ROUND_BITS + EXPONENT_BIAS) << EXPONENT_SHIFT;
        scratch.asInts.put(0, bits, 0, n);
        scratch.asFloats.get(0, rounded, 0, n);
        for (int k = 0; k < n; k++) x[k] *= rounded[k];
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

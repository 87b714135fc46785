package org.simexplorer.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Pearson and Spearman correlation, as scipy.stats computes them (Spearman with average ranks for ties). */
public final class Correlation {

    private Correlation() {
    }

    public static double pearson(double[] x, double[] y) {
        check(x, y);
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return Double.NaN;
        return sxy / Math.sqrt(sxx * syy);
    }

    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /**
     * As {@link #ranks(double[])} for float scores, in O(n log n) on primitives: each value's order-preserving
     * bits and its index are packed into one long, so a plain long sort orders them.
     */
    public static double[] ranks(float[] values) {
        long[] packed = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            if (Float.isNaN(values[k])) throw new IllegalArgumentException("value " + k + " is NaN");
            int bits = Float.floatToIntBits(values[k] == 0f ? 0f : values[k]);
            // Negative floats order backwards as ints: flip their magnitude bits.
            int sortable = bits < 0 ? bits ^ 0x7fffffff : bits;
            packed[k] = ((long) sortable << 32) | k;
        }
        java.util.Arrays.sort(packed);
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < packed.length) {
            int end = start;
            while (end + 1 < packed.length && (packed[end + 1] >> 32) == (packed[start] >> 32)) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[(int) packed[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    /** 1-based ranks; tied values share the mean of the ranks they span. */
    static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        if (x.length < 2) throw new IllegalArgumentException("need at least two points");
    }
}

package org.simexplorer.similarity;

import java.nio.FloatBuffer;

/** {@link MatrixProduct}'s plain-Java route, for products too small to pay for a session run. */
final class PlainProducts {

    private PlainProducts() {
    }

    /** The reference route: double accumulators, row by row. */
    static void timesTransposed(FloatBuffer a, int m, FloatBuffer b, int n, int k, FloatBuffer c) {
        int a0 = a.position();
        int b0 = b.position();
        int c0 = c.position();
        float[] rowA = new float[k];
        float[] bAll = new float[Math.multiplyExact(n, k)];
        b.get(b0, bAll);
        for (int i = 0; i < m; i++) {
            a.get(a0 + i * k, rowA);
            for (int j = 0; j < n; j++) {
                double sum = 0;
                int off = j * k;
                for (int t = 0; t < k; t++) {
                    sum += (double) rowA[t] * bAll[off + t];
                }
                c.put(c0 + i * n + j, (float) sum);
            }
        }
    }

    /** The reference route of A·B: double accumulators, row by row. */
    static void times(FloatBuffer a, int m, FloatBuffer b, int k, int n, FloatBuffer c) {
        int a0 = a.position();
        int b0 = b.position();
        int c0 = c.position();
        float[] rowA = new float[k];
        float[] bAll = new float[Math.multiplyExact(k, n)];
        b.get(b0, bAll);
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            a.get(a0 + i * k, rowA);
            java.util.Arrays.fill(row, 0);
            for (int t = 0; t < k; t++) {
                double left = rowA[t];
                for (int j = 0; j < n; j++) row[j] += left * bAll[t * n + j];
            }
            for (int j = 0; j < n; j++) c.put(c0 + i * n + j, (float) row[j]);
        }
    }

    static void fill(FloatBuffer c, long count) {
        int c0 = c.position();
        for (int i = 0; i < count; i++) {
            c.put(c0 + i, 0f);
        }
    }
}

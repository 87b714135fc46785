package org.simexplorer.similarity;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * What the map needs to lay out a large dataset: a seeded sample of the rows, the k nearest sample rows of each
 * sample row (the graph UMAP runs on), and for every other row its nearest sample rows, by which it is placed.
 * Work is (sample + rest)·sample·D in blocks; nothing is N×N.
 *
 * @param n                the dataset's rows
 * @param sample           the sampled rows, ascending
 * @param k                neighbours per sample row (min(asked, sample − 1))
 * @param sampleNeighbours sample.length × k positions in {@code sample}, most similar first, itself left out
 * @param sampleCosines    their cosines, in the same layout
 * @param place            sample neighbours per other row (min(asked, sample))
 * @param restNeighbours   (n − sample.length) × place positions in {@code sample}, for the rows not sampled in
 *                         ascending order, most similar first
 * @param restCosines      their cosines, in the same layout
 */
public record MapSample(int n, int[] sample, int k, int[] sampleNeighbours, float[] sampleCosines, int place,
        int[] restNeighbours, float[] restCosines) {

    /**
     * @param size  sample size; every row is sampled when n ≤ size, and then there is no rest
     * @param k     neighbours per sample row
     * @param place sample neighbours per other row
     */
    public static MapSample of(NormalizedRows x, int size, int k, int place, long seed, ExactNeighbours exact) {
        int n = x.n();
        int[] sample = PairQueue.sampleRows(n, size, seed);
        Arrays.sort(sample);
        int m = sample.length;
        int kk = Math.max(0, Math.min(k, m - 1));
        int pp = Math.max(0, Math.min(place, m));
        NormalizedRows sampled = subset(x, sample);
        int[] sampleNeighbours = new int[m * kk];
        float[] sampleCosines = new float[m * kk];
        if (kk > 0) flatten(exact.ofAll(sampled, kk), kk, sampleNeighbours, sampleCosines, null);
        int rest = n - m;
        int[] restNeighbours = new int[rest * pp];
        float[] restCosines = new float[rest * pp];
        if (rest > 0 && pp > 0) {
            boolean[] inSample = new boolean[n];
            for (int row : sample) inSample[row] = true;
            flatten(exact.ofRowsOf(x, sampled, pp), pp, restNeighbours, restCosines, inSample);
        }
        return new MapSample(n, sample, kk, sampleNeighbours, sampleCosines, pp, restNeighbours, restCosines);
    }

    /** The rows not sampled, ascending: the order of {@code restNeighbours}. */
    public int[] rest() {
        int[] rest = new int[n - sample.length];
        int s = 0;
        int r = 0;
        for (int row = 0; row < n; row++) {
            if (s < sample.length && sample[s] == row) s++;
            else rest[r++] = row;
        }
        return rest;
    }

    /** The given rows of x as their own normalised rows (a copy: rows·D floats). */
    static NormalizedRows subset(NormalizedRows x, int[] rows) {
        int d = x.d();
        FloatBuffer copy = MatrixProduct.allocate((long) rows.length * d);
        float[] row = new float[d];
        double[] norms = new double[rows.length];
        for (int q = 0; q < rows.length; q++) {
            x.rows().get(rows[q] * d, row);
            copy.put(q * d, row);
            norms[q] = x.norms()[rows[q]];
        }
        return new NormalizedRows(copy, rows.length, d, norms);
    }

    /** Lists of exactly {@code width} entries into flat arrays, skipping the lists of rows marked {@code skip}. */
    private static void flatten(NeighbourList[] lists, int width, int[] rows, float[] cosines, boolean[] skip) {
        int at = 0;
        for (int q = 0; q < lists.length; q++) {
            if (skip != null && skip[q]) continue;
            NeighbourList list = lists[q];
            System.arraycopy(list.rows(), 0, rows, at, width);
            System.arraycopy(list.similarities(), 0, cosines, at, width);
            at += width;
        }
    }
}

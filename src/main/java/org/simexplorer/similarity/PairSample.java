package org.simexplorer.similarity;

import java.util.SplittableRandom;

/**
 * A set of unordered sentence pairs (i &lt; j): all of them when there are at most {@code limit}, else
 * {@code limit} pairs drawn uniformly (with replacement) from a seeded generator, so a repeat gives the same
 * sample.
 */
public record PairSample(int[] first, int[] second) {

    public static PairSample of(int n, int limit, long seed) {
        long total = (long) n * (n - 1) / 2;
        if (total <= limit) {
            int[] first = new int[(int) total];
            int[] second = new int[(int) total];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    first[k] = i;
                    second[k++] = j;
                }
            }
            return new PairSample(first, second);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] first = new int[limit];
        int[] second = new int[limit];
        for (int k = 0; k < limit; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            if (j >= i) j++;
            first[k] = Math.min(i, j);
            second[k] = Math.max(i, j);
        }
        return new PairSample(first, second);
    }

    public int size() {
        return first.length;
    }

    /** The cosine of each pair: the dot product of the rows over the product of their norms (0 for a zero row). */
    public float[] cosines(float[][] embeddings) {
        double[] norms = new double[embeddings.length];
        for (int r = 0; r < embeddings.length; r++) {
            norms[r] = Math.max(CosineMatrix.norm(embeddings[r]), CosineMatrix.EPSILON);
        }
        float[] cosines = new float[first.length];
        for (int k = 0; k < first.length; k++) {
            float[] a = embeddings[first[k]];
            float[] b = embeddings[second[k]];
            double dot = 0;
            for (int c = 0; c < a.length; c++) dot += a[c] * b[c];
            cosines[k] = (float) (dot / (norms[first[k]] * norms[second[k]]));
        }
        return cosines;
    }
}

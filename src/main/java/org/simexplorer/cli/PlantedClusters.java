package org.simexplorer.cli;

import java.util.Random;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.NormalizedRows;

/**
 * Seeded synthetic embeddings with cluster structure, for benchmarks and tests: row i is centre (i mod clusters)
 * plus Gaussian noise of the given spread, normalised. Real sentence embeddings are clustered too, which is what
 * makes a graph index and k-means behave as they do on them; uniform random vectors would not.
 */
public final class PlantedClusters {

    private PlantedClusters() {
    }

    public static float[][] vectors(int n, int d, int clusters, double noise, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][d];
        for (float[] c : centres) for (int k = 0; k < d; k++) c[k] = (float) random.nextGaussian();
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            float[] centre = centres[i % clusters];
            for (int k = 0; k < d; k++) x[i][k] = centre[k] + (float) (noise * random.nextGaussian());
        }
        return x;
    }

    public static NormalizedRows rows(int n, int d, int clusters, double noise, long seed) {
        return CosineMatrix.normalize(vectors(n, d, clusters, noise, seed));
    }
}

package org.simexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import org.simexplorer.similarity.ClusterOrder;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.KMeansOrder;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NormalizedRows;
import org.simexplorer.similarity.SimilarityMatrix;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench cluster [N...]}: time of the cluster order on N planted-cluster unit vectors with D = 384, default
 * N = 500, 1000, 2000: average linkage on the N×N matrix ({@code best_ms}, the matrix already made) against k-means
 * on the embeddings ({@code kmeans_best_ms}), to place simexplorer.clusters.kmeans-from. Prints key=value lines.
 */
@Component
@Profile("cli")
public class ClusterOrderBenchmark implements CliCommand {

    private final CosineMatrix cosineMatrix;
    private final MatrixProduct product;

    ClusterOrderBenchmark(CosineMatrix cosineMatrix, MatrixProduct product) {
        this.cosineMatrix = cosineMatrix;
        this.product = product;
    }

    /** Old against new without Spring: average linkage on the matrix, then k-means, at each N. */
    public static void compare(MatrixProduct product, List<Integer> sizes, PrintStream out) {
        ClusterOrderBenchmark bench = new ClusterOrderBenchmark(new CosineMatrix(product), product);
        for (int n : sizes) bench.measure(n, out);
    }

    @Override
    public List<String> words() {
        return List.of("bench", "cluster");
    }

    @Override
    public String usage() {
        return "bench cluster [N ...]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        List<String> words = CommandArguments.parse(args).words();
        List<Integer> sizes = words.isEmpty() ? List.of(500, 1000, 2000)
                : words.stream().map(CommandArguments::wholeNumber).toList();
        for (int n : sizes) measure(n, out);
        out.println("cluster_order.kmeans_from_default=5000");
        return 0;
    }

    private void measure(int n, PrintStream out) {
        float[] cosine = plantedCosine(n, 384, Math.max(2, n / 50), new Random(n));
        ClusterOrder.of(cosine, n); // warm-up
        int repeats = 3;
        long best = Long.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            ClusterOrder.of(cosine, n);
            best = Math.min(best, System.nanoTime() - start);
        }
        out.println("cluster_order.n=" + n);
        out.println("cluster_order.n" + n + ".best_ms=" + String.format("%.1f", best / 1e6));
        NormalizedRows x = PlantedClusters.rows(n, 384, Math.max(2, n / 50), 1.0, n);
        KMeansOrder kmeans = new KMeansOrder(product);
        long bestKMeans = Long.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            kmeans.cluster(x, KMeansOrder.clustersFor(n), 42);
            bestKMeans = Math.min(bestKMeans, System.nanoTime() - start);
        }
        out.println("cluster_order.n" + n + ".kmeans_best_ms=" + String.format("%.1f", bestKMeans / 1e6));
        out.println("cluster_order.n" + n + ".kmeans_k=" + KMeansOrder.clustersFor(n));
    }

    private float[] plantedCosine(int n, int d, int clusters, Random random) {
        float[][] centres = new float[clusters][d];
        for (float[] c : centres) for (int k = 0; k < d; k++) c[k] = (float) random.nextGaussian();
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                x[i][k] = centres[i % clusters][k]
                        + (float) random.nextGaussian();
                norm += x[i][k] * x[i][k];
            }
            for (int k = 0; k < d; k++) x[i][k] /= (float) Math.sqrt(norm);
        }
        try (SimilarityMatrix s = cosineMatrix.compute(x)) {
            return s.toArray();
        }
    }

}

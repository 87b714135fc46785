package org.simexplorer.cli;

import static org.simexplorer.cli.Timings.kv;
import static org.simexplorer.cli.Timings.loadAverage;
import static org.simexplorer.cli.Timings.median;
import static org.simexplorer.cli.Timings.min;

import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.simexplorer.loss.PairLossRegistry;
import org.simexplorer.loss.SparsePairLossEvaluator;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NormalizedRows;
import org.simexplorer.similarity.SimilarityMatrix;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench similarity}: the cosine matrix as the API builds it against the bare product of the same
 * shapes, and every loss with its gradient on a fully labelled batch against the bare product of the same run
 * ({@link LossRouteBench}). Random unit vectors, fixed seed.
 * Each figure is the best (and the median) of several timed runs after warm-up runs.
 */
@Component
@Profile("cli")
class SimilarityBenchCommand implements CliCommand {

    private static final int DIMENSION = 384;
    private static final long SEED = 42;

    private final CosineMatrix cosineMatrix;
    private final MatrixProduct product;
    private final PairLossRegistry losses;
    private final SparsePairLossEvaluator evaluator;

    SimilarityBenchCommand(CosineMatrix cosineMatrix, MatrixProduct product, PairLossRegistry losses,
                           SparsePairLossEvaluator evaluator) {
        this.cosineMatrix = cosineMatrix;
        this.product = product;
        this.losses = losses;
        this.evaluator = evaluator;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "similarity");
    }

    @Override
    public String usage() {
        return "bench similarity [--sizes=2000,5000,10000] [--loss-size=2000] [--runs=7] [--warmup=2]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args, "sizes", "loss-size", "runs", "warmup").noWords();
        int[] sizes = arguments.integers("sizes", 2000, 5000, 10000);
        int lossSize = arguments.integer("loss-size", 2000);
        int runs = arguments.integer("runs", 7);
        int warmup = arguments.integer("warmup", 2);
        out.println("bench=similarity");
        out.println("dimension=" + DIMENSION);
        out.println("seed=" + SEED);
        out.println("cores=" + Runtime.getRuntime().availableProcessors());
        out.println("ort_threads=" + product.threads());
        out.println("timing=best_and_median_of_" + runs + "_runs_after_" + warmup + "_warmup_runs");
        out.println("load_average_start=" + loadAverage());

        for (int n : sizes) {
            benchCosine(n, runs, warmup, out);
        }
        benchLosses(lossSize, runs, warmup, out);
        benchSmallProducts(out);
        out.println("load_average_end=" + loadAverage());
        return 0;
    }

    /** Cosine as the API builds it (heap embeddings in, normalise, product) vs the bare product, interleaved. */
    private void benchCosine(int n, int runs, int warmup, PrintStream out) {
        float[][] embeddings = randomUnitVectors(n, DIMENSION, new Random(SEED));
        NormalizedRows x = CosineMatrix.normalize(embeddings);
        FloatBuffer bare = MatrixProduct.allocate((long) n * n);
        double[] cosineMs = new double[runs];
        double[] productMs = new double[runs];
        for (int r = -warmup; r < runs; r++) {
            long start = System.nanoTime();
            try (SimilarityMatrix s = cosineMatrix.compute(embeddings)) {
                if (s.get(n - 1, n - 1) < 0.99f) throw new IllegalStateException("cosine diagonal is off");
            }
            long mid = System.nanoTime();
            product.timesTransposed(x.rows(), n, x.rows(), n, DIMENSION, bare);
            long end = System.nanoTime();
            if (r >= 0) {
                cosineMs[r] = (mid - start) / 1e6;
                productMs[r] = (end - mid) / 1e6;
            }
        }
        double flops = 2.0 * n * n * DIMENSION;
        double cosineBest = min(cosineMs);
        double productBest = min(productMs);
        String key = "n" + n;
        out.println(kv("cosine_" + key + "_ms_best", cosineBest));
        out.println(kv("cosine_" + key + "_ms_median", median(cosineMs)));
        out.println(kv("product_" + key + "_ms_best", productBest));
        out.println(kv("product_" + key + "_ms_median", median(productMs)));
        out.println(kv("cosine_over_product_" + key + "_best", cosineBest / productBest));
        out.println(kv("cosine_over_product_" + key + "_median", median(cosineMs) / median(productMs)));
        out.println(kv("cosine_" + key + "_gflops_best", flops / cosineBest / 1e6));
        out.println(kv("product_" + key + "_gflops_best", flops / productBest / 1e6));
        // The convenience call that also copies S into n heap rows, for callers that want float[][].
        double[] rowsMs = new double[Math.max(1, runs / 2)];
        for (int r = -1; r < rowsMs.length; r++) {
            long start = System.nanoTime();
            float[][] rows = cosineMatrix.cosine(embeddings);
            if (r >= 0) rowsMs[r] = (System.nanoTime() - start) / 1e6;
            if (rows.length != n) throw new IllegalStateException();
        }
        out.println(kv("cosine_heap_rows_" + key + "_ms_best", min(rowsMs)));
    }

    private void benchLosses(int n, int runs, int warmup, PrintStream out) {
        Random random = new Random(SEED + 1);
        float[][] embeddings = randomUnitVectors(n, DIMENSION, random);
        LossRouteBench bench = new LossRouteBench(product, losses, evaluator);
        bench.againstProduct(embeddings, random, runs, warmup, out);
        bench.routes(embeddings, random, Math.max(1, runs / 2), out);
    }

    /** Where the plain-Java route beats the JNI round trip: the basis of MatrixProduct's cut-over. */
    private void benchSmallProducts(PrintStream out) {
        MatrixProduct plain = new MatrixProduct(product.threads(), Long.MAX_VALUE);
        MatrixProduct ort = new MatrixProduct(product.threads(), 0);
        try {
            Random random = new Random(SEED);
            for (int n : new int[] {4, 8, 16, 32}) {
                for (int d : new int[] {16, 384}) {
                    float[] a = new float[n * d];
                    for (int i = 0; i < a.length; i++) a[i] = (float) random.nextGaussian();
                    double plainUs = Double.MAX_VALUE;
                    double ortUs = Double.MAX_VALUE;
                    for (int r = 0; r < 500; r++) {
                        long t0 = System.nanoTime();
                        plain.timesTransposed(a, n, a, n, d);
                        long t1 = System.nanoTime();
                        ort.timesTransposed(a, n, a, n, d);
                        long t2 = System.nanoTime();
                        plainUs = Math.min(plainUs, (t1 - t0) / 1e3);
                        ortUs = Math.min(ortUs, (t2 - t1) / 1e3);
                    }
                    String key = "small_n" + n + "_d" + d;
                    out.println(kv(key + "_plain_us_best", plainUs));
                    out.println(kv(key + "_ort_us_best", ortUs));
                }
            }
        } finally {
            plain.close();
            ort.close();
        }
    }

    static float[][] randomUnitVectors(int n, int d, Random random) {
        float[][] vectors = new float[n][d];
        for (float[] v : vectors) {
            double sum = 0;
            for (int k = 0; k < d; k++) {
                v[k] = (float) random.nextGaussian();
                sum += v[k] * v[k];
            }
            float scale = (float) (1 / Math.sqrt(sum));
            for (int k = 0; k < d; k++) v[k] *= scale;
        }
        return vectors;
    }

}

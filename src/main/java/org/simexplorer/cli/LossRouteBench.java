package org.simexplorer.cli;

import static org.simexplorer.cli.Timings.kv;
import static org.simexplorer.cli.Timings.median;
import static org.simexplorer.cli.Timings.min;

import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.simexplorer.loss.ArrayMath;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LabelledPairs;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;
import org.simexplorer.loss.SparsePairLossEvaluator;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NormalizedRows;

/**
 * The part of {@code bench similarity} on losses: every loss with its gradient on a fully labelled batch, each
 * run timed right after the bare product of the same rows so that the ratio of the two comes from one moment of
 * the machine; and the sparse and dense routes side by side at shares of the pairs labelled, which is where the
 * evaluator's cut-over comes from. Beside the losses, in the same runs, the floors a dense loss cannot go below:
 * the gradient's own product G·X (so the two products together), and one pass of exponentials over the n² entries,
 * vectorised as the losses run it and with a Math.exp call per entry.
 */
final class LossRouteBench {

    private static final double[] SHARES = {1, 0.25, 1.0 / 16, 1.0 / 32, 1.0 / 64, 1.0 / 256};
    /** The range of the floor's exponentials: CoSENT's 2λ at its default λ = 20. */
    private static final double EXP_RANGE = 40;
    private static final String ROUTE_LOSS = "contrastive";

    private final MatrixProduct product;
    private final PairLossRegistry losses;
    private final SparsePairLossEvaluator evaluator;

    LossRouteBench(MatrixProduct product, PairLossRegistry losses, SparsePairLossEvaluator evaluator) {
        this.product = product;
        this.losses = losses;
        this.evaluator = evaluator;
    }

    void againstProduct(float[][] embeddings, Random random, int runs, int warmup, PrintStream out) {
        int n = embeddings.length;
        int d = embeddings[0].length;
        LabelledPairs target = labelled(n, 1, random);
        NormalizedRows x = CosineMatrix.normalize(embeddings);
        FloatBuffer bare = MatrixProduct.allocate((long) n * n);
        out.println("loss_n=" + n);
        out.println("loss_labelled_pairs=" + target.size());
        FloatBuffer weights = MatrixProduct.allocate((long) n * n);
        for (int k = 0; k < n * n; k++) weights.put(k, bare.get(k) * 1e-6f);
        FloatBuffer transposed = MatrixProduct.allocate((long) n * d);
        for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) transposed.put(c * n + i, x.rows().get(i * d + c));
        FloatBuffer gradient = MatrixProduct.allocate((long) n * d);
        double[] productMs = new double[runs];
        double[][] floorMs = new double[FLOORS.length][runs];
        List<double[]> lossMs = new ArrayList<>();
        for (int k = 0; k < losses.all().size(); k++) lossMs.add(new double[runs]);
        for (int r = -warmup; r < runs; r++) {
            long start = System.nanoTime();
            product.timesTransposed(x.rows(), n, x.rows(), n, d, bare);
            long mid = System.nanoTime();
            product.timesTransposed(weights, n, transposed, d, n, gradient);
            long end = System.nanoTime();
            double vectorised = expPass(bare, n, true);
            double perEntry = expPass(bare, n, false);
            if (r >= 0) {
                productMs[r] = (mid - start) / 1e6;
                floorMs[0][r] = (end - mid) / 1e6;
                floorMs[1][r] = (end - start) / 1e6;
                floorMs[2][r] = vectorised;
                floorMs[3][r] = perEntry;
            }
            for (int k = 0; k < losses.all().size(); k++) {
                PairLoss loss = losses.all().get(k);
                long begin = System.nanoTime();
                double value = evaluator.evaluate(embeddings, target, loss, LossParameters.defaults(loss), true, false)
                        .value();
                if (r >= 0) lossMs.get(k)[r] = (System.nanoTime() - begin) / 1e6;
                if (!Double.isFinite(value)) throw new IllegalStateException(loss.id() + " gave " + value);
            }
        }
        String key = "_n" + n;
        out.println(kv("loss_product" + key + "_ms_best", min(productMs)));
        out.println(kv("loss_product" + key + "_ms_median", median(productMs)));
        for (int f = 0; f < FLOORS.length; f++) printAgainstProduct("loss_floor_" + FLOORS[f] + key, floorMs[f], productMs, out);
        for (int k = 0; k < losses.all().size(); k++) {
            printAgainstProduct("loss_" + losses.all().get(k).id() + "_with_gradient" + key, lossMs.get(k), productMs,
                    out);
        }
    }

    /** The floors' key names, in the order of the timings in {@link #againstProduct}. */
    private static final String[] FLOORS = {"gradient_product", "two_products", "exp_pass", "math_exp_pass"};

    /** Best and median time, and the time over the product's of the same run (best, and the median ratio). */
    private static void printAgainstProduct(String id, double[] ms, double[] productMs, PrintStream out) {
        double[] ratios = new double[ms.length];
        for (int r = 0; r < ms.length; r++) ratios[r] = ms[r] / productMs[r];
        out.println(kv(id + "_ms_best", min(ms)));
        out.println(kv(id + "_ms_median", median(ms)));
        out.println(kv(id + "_over_product_best", min(ms) / min(productMs)));
        out.println(kv(id + "_over_product_median", median(ratios)));
    }

    /** e^x over the n² entries of {@code s} (times the range), row by row on every core; milliseconds. */
    private static double expPass(FloatBuffer s, int n, boolean vectorised) {
        ThreadLocal<ArrayMath.ExpScratch> scratch = ThreadLocal.withInitial(() -> new ArrayMath.ExpScratch(n));
        long start = System.nanoTime();
        double total = IntStream.range(0, n).parallel().mapToDouble(i -> {
            float[] row = new float[n];
            s.get(i * n, row, 0, n);
            // Exponents in [−EXP_RANGE, 0], as the losses' shifted exponentials are.
            for (int j = 0; j < n; j++) row[j] = (row[j] - 1) * (float) (EXP_RANGE / 2);
            if (vectorised) {
                ArrayMath.exp(row, n, scratch.get());
            } else {
                for (int j = 0; j < n; j++) row[j] = (float) Math.exp(row[j]);
            }
            return row[i];
        }).sum();
        if (!(total > 0)) throw new IllegalStateException("exponentials gave " + total);
        return (System.nanoTime() - start) / 1e6;
    }

    /** One loss with its gradient on each route, at each share of the n(n−1)/2 pairs labelled. */
    void routes(float[][] embeddings, Random random, int runs, PrintStream out) {
        int n = embeddings.length;
        PairLoss loss = losses.find(ROUTE_LOSS);
        LossParameters params = LossParameters.defaults(loss);
        SparsePairLossEvaluator sparse = new SparsePairLossEvaluator(product, 0);
        SparsePairLossEvaluator dense = new SparsePairLossEvaluator(product, Integer.MAX_VALUE);
        out.println("route_loss=" + ROUTE_LOSS);
        out.println("route_n=" + n);
        for (double share : SHARES) {
            LabelledPairs target = labelled(n, share, random);
            double[] sparseMs = new double[runs];
            double[] denseMs = new double[runs];
            for (int r = -1; r < runs; r++) {
                long t0 = System.nanoTime();
                sparse.evaluate(embeddings, target, loss, params, true, false);
                long t1 = System.nanoTime();
                dense.evaluate(embeddings, target, loss, params, true, false);
                long t2 = System.nanoTime();
                if (r >= 0) {
                    sparseMs[r] = (t1 - t0) / 1e6;
                    denseMs[r] = (t2 - t1) / 1e6;
                }
            }
            String key = "route_share_1_in_" + Math.round(1 / share);
            out.println(key + "_pairs=" + target.size());
            out.println(kv(key + "_sparse_ms_best", min(sparseMs)));
            out.println(kv(key + "_dense_ms_best", min(denseMs)));
            out.println(kv(key + "_dense_over_sparse_best", min(denseMs) / min(sparseMs)));
        }
    }

    /** Each pair i < j labelled with probability {@code share}, as ±1 at random. */
    private static LabelledPairs labelled(int n, double share, Random random) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (share < 1 && random.nextDouble() >= share) continue;
                pairs.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
            }
        }
        return LabelledPairs.of(n, pairs);
    }
}

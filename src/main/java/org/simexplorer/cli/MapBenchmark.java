package org.simexplorer.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.simexplorer.comparison.ComparisonService;
import org.simexplorer.evaluation.Correlation;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.ExactNeighbours;
import org.simexplorer.similarity.MapSample;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NeighbourPairs;
import org.simexplorer.similarity.NormalizedRows;
import org.simexplorer.similarity.PairQueue;
import org.simexplorer.similarity.PairSample;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench map [--n=5000,100000] [--d=384] [--runs=3]}: the map's UMAP input and the comparison's sampled
 * Spearman and neighbour-list disagreements, on planted-cluster vectors (no model) for a first "model" and a
 * second one that is the first plus noise. The map input is what {@code GET .../map-sample} computes with the
 * page's parameters (5,000 sampled, 14 neighbours, 5 to place by); the disagreements use the exact blocked
 * search, as a dataset does until its HNSW index is ready. Prints key=value lines; best and median of the runs.
 */
@Component
@Profile("cli")
class MapBenchmark implements CliCommand {

    private static final int SAMPLE = 5_000;
    private static final int SAMPLE_NEIGHBOURS = 14;
    private static final int PLACE = 5;

    private final MatrixProduct product;

    MapBenchmark(MatrixProduct product) {
        this.product = product;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "map");
    }

    @Override
    public String usage() {
        return "bench map [--n=5000,100000] [--d=384] [--runs=3]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        int[] sizes = {5_000, 100_000};
        int d = 384;
        int runs = 3;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv.length == 2 ? kv[0] : "") {
                case "--n" -> sizes = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--d" -> d = Integer.parseInt(kv[1]);
                case "--runs" -> runs = Integer.parseInt(kv[1]);
                default -> {
                    out.println("usage: " + usage());
                    return 2;
                }
            }
        }
        out.println("bench=map");
        out.println("cores=" + Runtime.getRuntime().availableProcessors());
        out.println("map.load_start=" + Timings.loadAverage());
        for (int n : sizes) measure(n, d, runs, out);
        out.println("map.load_end=" + Timings.loadAverage());
        return 0;
    }

    private void measure(int n, int d, int runs, PrintStream out) {
        String prefix = "map.n" + n + ".";
        float[][] first = PlantedClusters.vectors(n, d, Math.max(10, n / 100), 1.0, n);
        float[][] second = withNoise(first, 0.5, n + 1L);
        NormalizedRows a = CosineMatrix.normalize(first);
        NormalizedRows b = CosineMatrix.normalize(second);
        ExactNeighbours exact = new ExactNeighbours(product);
        out.println(prefix + "d=" + d);

        MapSample[] sample = new MapSample[1];
        time(prefix + "sample_ms", runs, out, () -> sample[0] = MapSample.of(a, SAMPLE, SAMPLE_NEIGHBOURS, PLACE, 0, exact));
        MapSample s = sample[0];
        out.println(prefix + "sampled=" + s.sample().length);
        out.println(prefix + "placed=" + (n - s.sample().length));
        // the body of GET .../map-sample: 16-byte header, int32 sample, int32 + float32 per neighbour entry
        out.println(prefix + "body_bytes=" + (16L + 4L * s.sample().length + 8L * s.sampleNeighbours().length
                + 8L * s.restNeighbours().length));

        time(prefix + "spearman_ms", runs, out, () -> {
            PairSample pairs = PairSample.of(n, ComparisonService.MAX_PAIRS, 0);
            return Correlation.pearson(Correlation.ranks(pairs.cosines(first)), Correlation.ranks(pairs.cosines(second)));
        });
        NeighbourPairs[] candidates = new NeighbourPairs[1];
        time(prefix + "disagreements_ms", runs, out, () -> {
            int[] rows = PairQueue.sampleRows(n, ComparisonService.DISAGREEMENT_SENTENCES, 0);
            int k = ComparisonService.DISAGREEMENT_NEIGHBOURS;
            candidates[0] = NeighbourPairs.union(rows, exact.ofRows(a, rows, k), exact.ofRows(b, rows, k));
            return ComparisonService.disagreements(candidates[0].pairs(), List.of(first, second));
        });
        out.println(prefix + "disagreement_candidates=" + candidates[0].pairs().size());
        out.println(prefix + "disagreement_considered=" + candidates[0].considered());
    }

    private static void time(String key, int runs, PrintStream out, Supplier<?> work) {
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            work.get();
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        out.println(Timings.kv(key.replace("_ms", "_ms_best"), Timings.min(ms)));
        out.println(Timings.kv(key.replace("_ms", "_ms_median"), Timings.median(ms)));
    }

    /** A second model's vectors: the first's plus seeded Gaussian noise, so the two mostly agree. */
    private static float[][] withNoise(float[][] x, double noise, long seed) {
        Random random = new Random(seed);
        float[][] y = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int c = 0; c < y[i].length; c++) y[i][c] += (float) (noise * random.nextGaussian());
        }
        return y;
    }
}

package org.simexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import org.simexplorer.similarity.ExactNeighbours;
import org.simexplorer.similarity.HnswIndex;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NeighbourList;
import org.simexplorer.similarity.NormalizedRows;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench neighbours [--n=5000,100000] [--queries=200] [--d=384] [--workers=cores] [--build-beam=40]}: top-10
 * neighbours of one sentence by the
 * blocked exact search and by the HNSW index, on planted-cluster unit vectors (N/100 clusters, cosine about 0.5
 * inside one). Per N it prints the index's build time, the median time of one query on each, and the index's
 * recall@10 against the exact search; {@code neighbours.crossover_n} is the first N measured at which one index
 * query beats one exact query.
 */
@Component
@Profile("cli")
public class NeighboursBenchmark implements CliCommand {

    private final MatrixProduct product;

    NeighboursBenchmark(MatrixProduct product) {
        this.product = product;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "neighbours");
    }

    @Override
    public String usage() {
        return "bench neighbours [--n=5000,100000] [--queries=200] [--d=384] [--workers=cores] [--build-beam="
                + HnswIndex.BEAM_WIDTH + "]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        CommandArguments arguments = CommandArguments.parse(args, "n", "queries", "d", "workers", "build-beam")
                .noWords();
        Build build = new Build(arguments.integer("workers", Runtime.getRuntime().availableProcessors()),
                arguments.integer("build-beam", HnswIndex.BEAM_WIDTH));
        measureAll(product, arguments.integers("n", 5_000, 100_000), arguments.integer("queries", 200),
                arguments.integer("d", 384), build, out);
        return 0;
    }

    /** How the index is built: threads and build beam (M stays Lucene's default). */
    public record Build(int workers, int beam) {
    }

    static void measureAll(MatrixProduct product, int[] sizes, int queries, int d, Build build, PrintStream out) {
        out.println("neighbours.load_start=" + Timings.loadAverage());
        out.println("neighbours.build_workers=" + build.workers());
        out.println("neighbours.build_beam=" + build.beam());
        int crossover = -1;
        for (int n : sizes) {
            double[] times = measure(product, n, queries, d, build, out);
            if (crossover < 0 && times[1] < times[0]) crossover = n;
        }
        out.println("neighbours.crossover_n=" + crossover);
        out.println("neighbours.load_end=" + Timings.loadAverage());
    }

    /** @return {exact_ms, hnsw_ms} medians */
    static double[] measure(MatrixProduct product, int n, int queries, int d, Build build, PrintStream out) {
        NormalizedRows x = PlantedClusters.rows(n, d, Math.max(10, n / 100), 1.0, n);
        ExactNeighbours exact = new ExactNeighbours(product);
        int[] rows = new Random(n + 1L).ints(queries, 0, n).toArray();
        for (int w = 0; w < 5; w++) exact.ofRow(x, rows[w % rows.length], 10);
        double[] exactMs = new double[rows.length];
        NeighbourList[] truth = new NeighbourList[rows.length];
        for (int q = 0; q < rows.length; q++) {
            long start = System.nanoTime();
            truth[q] = exact.ofRow(x, rows[q], 10);
            exactMs[q] = (System.nanoTime() - start) / 1e6;
        }
        long buildStart = System.nanoTime();
        HnswIndex index = HnswIndex.build(x, 42, build.workers(), HnswIndex.DEFAULT_SEARCH_BEAM,
                HnswIndex.MAX_CONNECTIONS, build.beam());
        double buildMs = (System.nanoTime() - buildStart) / 1e6;
        double[] hnswMs = new double[rows.length];
        int found = 0;
        for (int q = 0; q < rows.length; q++) {
            long start = System.nanoTime();
            NeighbourList approximate = index.ofRow(rows[q], 10);
            hnswMs[q] = (System.nanoTime() - start) / 1e6;
            for (int row : approximate.rows()) {
                for (int t : truth[q].rows()) if (row == t) found++;
            }
        }
        String prefix = "neighbours.n" + n + ".";
        out.println(prefix + "d=" + d);
        out.println(Timings.kv(prefix + "recall_at_10", found / (10.0 * rows.length)));
        out.println(Timings.kv(prefix + "exact_ms", Timings.median(exactMs)));
        out.println(Timings.kv(prefix + "hnsw_ms", Timings.median(hnswMs)));
        out.println(Timings.kv(prefix + "build_ms", buildMs));
        out.println(prefix + "index_bytes=" + index.bytes());
        return new double[] {Timings.median(exactMs), Timings.median(hnswMs)};
    }
}

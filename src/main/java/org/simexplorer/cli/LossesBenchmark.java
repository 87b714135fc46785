package org.simexplorer.cli;

import static org.simexplorer.cli.Timings.kv;
import static org.simexplorer.cli.Timings.loadAverage;
import static org.simexplorer.cli.Timings.median;
import static org.simexplorer.cli.Timings.min;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.simexplorer.datasetloss.DatasetLosses;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LabelledPairs;
import org.simexplorer.loss.LossService;
import org.simexplorer.loss.LossService.LossValue;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench losses}: every loss on a dataset's labels as {@code GET /api/datasets/{id}/losses} computes them,
 * timed on the service call (no HTTP) with the embeddings in memory. Generated unit vectors (D = 384, fixed seed)
 * and distinct random pairs labelled ±1 by default; {@code --dataset=ID} also times the whole dataset path on a
 * stored dataset (labels read from the database, embeddings from the in-memory cache after the first call).
 */
@Component
@Profile("cli")
class LossesBenchmark implements CliCommand {

    private static final int DIMENSION = 384;
    private static final long SEED = 42;

    private final LossService losses;
    private final DatasetLosses datasetLosses;

    LossesBenchmark(LossService losses, DatasetLosses datasetLosses) {
        this.losses = losses;
        this.datasetLosses = datasetLosses;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "losses");
    }

    @Override
    public String usage() {
        return "bench losses [--n=5000] [--labels=1000] [--runs=30] [--warmup=10] [--dataset=ID]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        CommandArguments arguments = CommandArguments.parse(args, "n", "labels", "runs", "warmup", "dataset").noWords();
        int n = arguments.integer("n", 5000);
        int labels = arguments.integer("labels", 1000);
        int runs = arguments.integer("runs", 30);
        int warmup = arguments.integer("warmup", 10);
        Long dataset = arguments.has("dataset") ? arguments.longInteger("dataset", 0) : null;
        if ((long) n * (n - 1) / 2 < labels) {
            throw new CommandArguments.BadArguments("--labels=" + labels + " is more than the " + n
                    + " sentences have pairs.");
        }
        out.println("bench=losses");
        out.println("cores=" + Runtime.getRuntime().availableProcessors());
        out.println("timing=best_and_median_of_" + runs + "_runs_after_" + warmup + "_warmup_runs");
        out.println("load_average_start=" + loadAverage());
        benchGenerated(n, labels, runs, warmup, out);
        if (dataset != null) benchDataset(dataset, runs, warmup, out);
        out.println("load_average_end=" + loadAverage());
        return 0;
    }

    private void benchGenerated(int n, int labels, int runs, int warmup, PrintStream out) {
        Random random = new Random(SEED);
        float[][] embeddings = SimilarityBenchCommand.randomUnitVectors(n, DIMENSION, random);
        List<LabelledPair> stored = randomPairs(n, labels, random);
        out.println("n=" + n);
        out.println("dimension=" + DIMENSION);
        out.println("labelled_pairs=" + stored.size());
        double[] ms = new double[runs];
        List<LossValue> values = null;
        for (int r = -warmup; r < runs; r++) {
            long start = System.nanoTime();
            // What the dataset path does once it has the labels and the embeddings: typed pairs, then every loss.
            values = losses.evaluateAll(embeddings, LabelledPairs.of(n, stored), Map.of());
            if (r >= 0) ms[r] = (System.nanoTime() - start) / 1e6;
        }
        out.println(kv("all_losses_ms_best", min(ms)));
        out.println(kv("all_losses_ms_median", median(ms)));
        for (LossValue value : values) {
            out.println("value_" + value.loss() + "=" + (value.value() == null ? "undefined"
                    : String.format(Locale.ROOT, "%.6f", value.value())));
        }
        // One loss with its per-pair contributions, as GET /api/datasets/{id}/loss answers.
        LabelledPairs pairs = LabelledPairs.of(n, stored);
        for (LossValue value : values) {
            double[] one = new double[runs];
            for (int r = -warmup; r < runs; r++) {
                long start = System.nanoTime();
                losses.evaluate(embeddings, pairs, value.loss(), Map.of(), false, true);
                if (r >= 0) one[r] = (System.nanoTime() - start) / 1e6;
            }
            out.println(kv("loss_" + value.loss() + "_with_contributions_ms_median", median(one)));
        }
    }

    private void benchDataset(long id, int runs, int warmup, PrintStream out) {
        long cold = System.nanoTime();
        DatasetLosses.AllLosses first = datasetLosses.all(id, Map.of());
        out.println(kv("dataset_first_call_ms", (System.nanoTime() - cold) / 1e6));
        out.println("dataset_id=" + id);
        out.println("dataset_labelled_pairs=" + first.labelledPairs());
        double[] ms = new double[runs];
        for (int r = -warmup; r < runs; r++) {
            long start = System.nanoTime();
            datasetLosses.all(id, Map.of());
            if (r >= 0) ms[r] = (System.nanoTime() - start) / 1e6;
        }
        out.println(kv("dataset_all_losses_ms_best", min(ms)));
        out.println(kv("dataset_all_losses_ms_median", median(ms)));
    }

    /** Distinct pairs i &lt; j, half labelled +1, in random order as a user would label them. */
    static List<LabelledPair> randomPairs(int n, int count, Random random) {
        Set<Long> seen = new HashSet<>();
        List<LabelledPair> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i == j || !seen.add((long) Math.min(i, j) * n + Math.max(i, j))) continue;
            pairs.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
        }
        return pairs;
    }

}

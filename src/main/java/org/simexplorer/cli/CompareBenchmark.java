package org.simexplorer.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.simexplorer.comparison.Comparison;
import org.simexplorer.comparison.ComparisonService;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.formats.TextLine;
import org.simexplorer.labels.LabelService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench compare}: the comparison service call on a dataset of N generated sentences with seeded random
 * labels, after a first call has loaded every model and cached every embedding. Prints key=value lines.
 */
@Component
@Profile("cli")
class CompareBenchmark implements CliCommand {

    private static final List<String> ALL_MODELS = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q",
            "bge-small-en-v1.5", "bge-small-zh-v1.5");

    private final DatasetService datasets;
    private final LabelService labels;
    private final ComparisonService comparisons;

    CompareBenchmark(DatasetService datasets, LabelService labels, ComparisonService comparisons) {
        this.datasets = datasets;
        this.labels = labels;
        this.comparisons = comparisons;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "compare");
    }

    @Override
    public String usage() {
        return "bench compare [--n=2000] [--labels=1000] [--models=a,b,c,d] [--runs=5]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        CommandArguments arguments = CommandArguments.parse(args, "n", "labels", "runs", "models").noWords();
        int n = arguments.integer("n", 2000);
        int labelCount = arguments.integer("labels", 1000);
        int runs = arguments.integer("runs", 5);
        List<String> models = arguments.list("models", ALL_MODELS);
        List<TextLine> sentences = GeneratedSentences.generate(n, 7, 5, 16).stream()
                .map(text -> new TextLine(text, 0)).toList();
        long id = datasets.create("bench compare", models.get(0), sentences, List.of(), 0).dataset().id();
        int size = datasets.sentenceCount(id);
        labels.put(id, randomLabels(size, labelCount));
        out.println("bench=compare");
        out.println("n=" + size);
        out.println("labels=" + labelCount);
        out.println("models=" + String.join(",", models));
        out.println("cores=" + Runtime.getRuntime().availableProcessors());

        long start = System.nanoTime();
        comparisons.compare(id, models);
        out.println(kv("first_call_with_loading_and_embedding_ms", (System.nanoTime() - start) / 1e6));
        double[] ms = new double[runs];
        Comparison last = null;
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            last = comparisons.compare(id, models);
            ms[r] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        out.println("timing=best_and_median_of_" + runs + "_cached_runs");
        out.println(kv("compare_ms_best", ms[0]));
        out.println(kv("compare_ms_median", ms[runs / 2]));
        out.println("pairs_compared=" + last.pairsCompared());
        for (Comparison.ModelResult model : last.models()) {
            out.println(kv("spearman_with_first." + model.model(), model.spearmanWithFirst()));
        }
        return 0;
    }

    /** Distinct random pairs, about half of them positive. */
    private static List<LabelService.LabelChange> randomLabels(int n, int count) {
        SplittableRandom random = new SplittableRandom(11);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<LabelService.LabelChange> changes = new ArrayList<>();
        while (changes.size() < count) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i == j || !seen.add((long) Math.min(i, j) * n + Math.max(i, j))) continue;
            changes.add(new LabelService.LabelChange(i, j, random.nextBoolean() ? 1 : -1));
        }
        return changes;
    }

    private static String kv(String key, Double value) {
        return key + "=" + (value == null ? "null" : String.format(Locale.ROOT, "%.4f", value));
    }

    private static String kv(String key, double value) {
        return key + "=" + String.format(Locale.ROOT, "%.1f", value);
    }
}

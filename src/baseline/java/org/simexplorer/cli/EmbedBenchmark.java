package org.simexplorer.cli;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.simexplorer.embedding.SentenceEmbedder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench embed}: this app's embedding pipeline against langchain4j's AllMiniLmL6V2EmbeddingModel on the same
 * 2,000 generated sentences, in one JVM. langchain4j is only the baseline here; serving never calls it.
 */
@Component
@Profile("cli")
class EmbedBenchmark implements CliCommand {

    static final int SENTENCES = 2000;
    static final long SEED = 20_261_126L;
    static final double MIN_AGREEMENT = 0.9999;

    private final SentenceEmbedder embedder;

    EmbedBenchmark(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "embed");
    }

    @Override
    public String usage() {
        return "bench embed [--rounds N]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        // Other --name=value arguments are Spring properties (e.g. --simexplorer.embedding.batch-size=32).
        int rounds = 2;
        int at = args.indexOf("--rounds");
        if (at >= 0 && at + 1 < args.size()) {
            rounds = Integer.parseInt(args.get(at + 1));
        }
        List<String> sentences = GeneratedSentences.generate(SENTENCES, SEED, 5, 40);
        List<TextSegment> segments = sentences.stream().map(TextSegment::from).toList();
        String model = "all-minilm-l6-v2";
        AllMiniLmL6V2EmbeddingModel baseline = new AllMiniLmL6V2EmbeddingModel();

        // Warm both up on a slice, so neither pays for JIT or session set-up in the timed runs.
        embedder.embed(sentences.subList(0, 200), model);
        baseline.embedAll(segments.subList(0, 200));

        double appBest = Double.MAX_VALUE, baselineBest = Double.MAX_VALUE;
        float[][] ours = null;
        List<Embedding> theirs = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            ours = embedder.embed(sentences, model).vectors();
            appBest = Math.min(appBest, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            theirs = baseline.embedAll(segments).content();
            baselineBest = Math.min(baselineBest, (System.nanoTime() - t1) / 1e9);
        }

        double worst = 1;
        int worstIndex = -1;
        for (int i = 0; i < SENTENCES; i++) {
            double cosine = cosine(ours[i], theirs.get(i).vector());
            if (cosine < worst) {
                worst = cosine;
                worstIndex = i;
            }
        }
        double appRate = SENTENCES / appBest, baselineRate = SENTENCES / baselineBest;
        out.printf(Locale.ROOT, "sentences=%d rounds=%d cores=%d%n", SENTENCES, rounds,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "min_cosine=%.6f worst_index=%d agree=%s%n", worst, worstIndex, worst >= MIN_AGREEMENT);
        out.printf(Locale.ROOT, "app_two_clients=%.1f/s%n", SENTENCES / twoClients(sentences, model));
        out.printf(Locale.ROOT, "app=%.1f/s langchain4j=%.1f/s ratio=%.2f%n", appRate, baselineRate, appRate / baselineRate);
        return worst >= MIN_AGREEMENT ? 0 : 1;
    }

    /** Seconds for two concurrent callers to embed half the sentences each, as two web requests would. */
    private double twoClients(List<String> sentences, String model) {
        int half = sentences.size() / 2;
        long start = System.nanoTime();
        var other = java.util.concurrent.CompletableFuture.runAsync(() -> embedder.embed(sentences.subList(half, sentences.size()), model));
        embedder.embed(sentences.subList(0, half), model);
        other.join();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += (double) a[k] * b[k];
            na += (double) a[k] * a[k];
            nb += (double) b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }
}

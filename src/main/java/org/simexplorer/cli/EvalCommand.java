package org.simexplorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.evaluation.Correlation;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** {@code eval --model ID FILE.tsv}: correlation of the model's cosine with an STS file's gold scores. */
@Component
@Profile("cli")
class EvalCommand implements CliCommand {

    private final SentenceEmbedder embedder;

    EvalCommand(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public List<String> words() {
        return List.of("eval");
    }

    @Override
    public String usage() {
        return "eval [--model ID] FILE.tsv";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args, "model");
        if (arguments.words().size() != 1) throw new CommandArguments.BadArguments("Give one FILE.tsv.");
        String model = arguments.text("model", null);
        Path file = Path.of(arguments.words().get(0));
        StsFile sts = StsFile.read(file);
        List<String> all = new ArrayList<>(sts.first());
        all.addAll(sts.second());
        float[][] vectors = embedder.embed(all, model).vectors();
        int pairs = sts.scores().length;
        double[] cosine = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            float[] a = vectors[i], b = vectors[pairs + i];
            double dot = 0;
            for (int k = 0; k < a.length; k++) dot += (double) a[k] * b[k];
            cosine[i] = dot;
        }
        out.printf(Locale.ROOT, "pairs=%d spearman=%.2f pearson=%.2f%n", pairs,
                100 * Correlation.spearman(cosine, sts.scores()), 100 * Correlation.pearson(cosine, sts.scores()));
        return 0;
    }
}

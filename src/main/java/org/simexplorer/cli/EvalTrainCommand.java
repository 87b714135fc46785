package org.simexplorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.training.TrainingEvaluation;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code eval train TRAIN.tsv HELDOUT.tsv}: labels the training file's pairs +1 where score ≥ threshold (else -1),
 * trains one adapter per loss as the app does, and reports validation metrics and the held-out Spearman.
 */
@Component
@Profile("cli")
class EvalTrainCommand implements CliCommand {

    private final SentenceEmbedder embedder;
    private final TrainingEvaluation evaluation;

    EvalTrainCommand(SentenceEmbedder embedder, TrainingEvaluation evaluation) {
        this.embedder = embedder;
        this.evaluation = evaluation;
    }

    @Override
    public List<String> words() {
        return List.of("eval", "train");
    }

    @Override
    public String usage() {
        return "eval train [--model=ID] [--threshold=2.5] [--losses=a,b] [--rank=full] [--steps=300]"
                + " [--learning-rate=0.001] TRAIN.tsv HELDOUT.tsv";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args, "model", "threshold", "losses", "rank", "steps",
                "learning-rate");
        if (arguments.words().size() != 2) throw new CommandArguments.BadArguments("Give TRAIN.tsv and HELDOUT.tsv.");
        String model = arguments.text("model", null);
        double threshold = arguments.decimal("threshold", 2.5);
        StsFile train = StsFile.read(Path.of(arguments.words().get(0)));
        // One row per distinct sentence, so that the split can keep each sentence on one side.
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        List<LabelledPair> pairs = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int k = 0; k < train.scores().length; k++) {
            int i = rowOf.computeIfAbsent(train.first().get(k), text -> rowOf.size());
            int j = rowOf.computeIfAbsent(train.second().get(k), text -> rowOf.size());
            if (i == j || !seen.add((long) Math.min(i, j) << 32 | Math.max(i, j))) continue;
            pairs.add(new LabelledPair(i, j, train.scores()[k] >= threshold ? 1 : -1));
        }
        out.println("eval=train");
        out.println("model=" + (model == null ? embedder.defaultModel() : model));
        out.println("threshold=" + threshold);
        out.println("positives=" + pairs.stream().filter(p -> p.label() > 0).count());
        out.println("negatives=" + pairs.stream().filter(p -> p.label() < 0).count());
        float[][] embeddings = embedder.embed(new ArrayList<>(rowOf.keySet()), model).vectors();
        StsFile heldOut = StsFile.read(Path.of(arguments.words().get(1)));
        TrainingEvaluation.HeldOut scored = new TrainingEvaluation.HeldOut(
                embedder.embed(heldOut.first(), model).vectors(), embedder.embed(heldOut.second(), model).vectors(),
                heldOut.scores());
        String rank = arguments.text("rank", "full");
        evaluation.run(out, embeddings, pairs, arguments.list("losses", List.of()),
                rank.matches("[0-9]+") ? Integer.parseInt(rank) : rank, arguments.integer("steps", 300),
                arguments.decimal("learning-rate", 0.001), scored);
        return 0;
    }
}

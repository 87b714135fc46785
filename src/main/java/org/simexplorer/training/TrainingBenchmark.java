package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The figures behind {@code bench train}: for every loss, one optimiser step (loss, ∂L/∂W, the λ term and the
 * Adam update) and the whole default training (300 steps with its curve points), on random unit vectors and
 * random labels with a fixed seed. Printed as key=value lines. Made only for the command (profile "cli").
 */
@Component
@Profile("cli")
public class TrainingBenchmark {

    private final AdapterTrainer trainer;
    private final PairLossRegistry losses;

    TrainingBenchmark(AdapterTrainer trainer, PairLossRegistry losses) {
        this.trainer = trainer;
        this.losses = losses;
    }

    private static final int WARMUP_STEPS = 20;

    /** @param only the loss ids to time, in the registry's order; empty for all of them */
    public void run(PrintStream out, int sentences, int pairs, int dimension, int runs, long seed, List<String> only) {
        Random random = new Random(seed);
        float[][] embeddings = new float[sentences][dimension];
        for (float[] row : embeddings) {
            for (int k = 0; k < dimension; k++) row[k] = (float) random.nextGaussian();
        }
        AdaptedRows.normalise(embeddings);
        List<LabelledPair> labelled = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (labelled.size() < pairs) {
            int i = random.nextInt(sentences);
            int j = random.nextInt(sentences);
            if (i == j || !seen.add((long) Math.min(i, j) << 32 | Math.max(i, j))) continue;
            labelled.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
        }
        PairSplit split = PairSplit.of(labelled, AdapterRequest.DEFAULT_VALIDATION_FRACTION, seed);
        TrainingData data = TrainingData.of(embeddings, split);
        out.println("bench=train");
        out.println("sentences=" + sentences);
        out.println("pairs=" + pairs);
        out.println("dimension=" + dimension);
        out.println("rank=full");
        out.println("train_pairs=" + split.train().size());
        out.println("validation_pairs=" + split.validation().size());
        out.println("left_out_pairs=" + split.leftOut().size());
        out.println("train_sentences=" + data.trainRows().length);
        out.println("threads=" + Runtime.getRuntime().availableProcessors());
        out.println("timing=best_and_median_of_" + runs + "_steps_after_" + WARMUP_STEPS + "_warmup_steps_per_loss");
        for (PairLoss loss : losses.all()) {
            if (!only.isEmpty() && !only.contains(loss.id())) continue;
            TrainingPlan plan = new TrainingPlan(loss, LossParameters.defaults(loss), new AdapterForm.Full(dimension),
                    AdapterRequest.DEFAULT_STEPS, AdapterRequest.DEFAULT_LEARNING_RATE,
                    AdapterRequest.DEFAULT_REGULARIZATION, seed);
            AdapterTrainer.Run run = trainer.start(data, plan);
            // The first loss measured would otherwise pay for compiling the shared code (products, Adam).
            for (int k = 0; k < WARMUP_STEPS; k++) run.step();
            double[] millis = new double[runs];
            for (int k = 0; k < runs; k++) {
                long start = System.nanoTime();
                run.step();
                millis[k] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            String key = loss.id().replace('-', '_');
            out.printf(Locale.ROOT, "%s_step_ms_best=%.2f%n", key, millis[0]);
            out.printf(Locale.ROOT, "%s_step_ms_median=%.2f%n", key, millis[runs / 2]);
            long start = System.nanoTime();
            AdapterTrainer.Outcome outcome = trainer.train(data, plan, AdapterTrainer.Progress.NONE);
            out.printf(Locale.ROOT, "%s_training_ms=%.0f%n", key, (System.nanoTime() - start) / 1e6);
            out.printf(Locale.ROOT, "%s_training_steps=%d%n", key, plan.steps());
            out.printf(Locale.ROOT, "%s_best_step=%d%n", key, outcome.bestStep());
        }
    }
}

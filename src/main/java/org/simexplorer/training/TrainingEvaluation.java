package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.simexplorer.evaluation.Correlation;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The worked example behind {@code eval train}: the app's split and trainer on labelled pairs of a public set,
 * one adapter per loss with the default settings, reporting validation ROC-AUC and AP before and after, and the
 * Spearman correlation with gold scores on a separate held-out file (pairs never seen in training). Made only for
 * the command (profile "cli"), not in the web app.
 */
@Component
@Profile("cli")
public class TrainingEvaluation {

    /** A held-out scored set: row k of {@code first} pairs with row k of {@code second}. */
    public record HeldOut(float[][] first, float[][] second, double[] scores) {
    }

    private final AdapterTrainer trainer;
    private final PairLossRegistry losses;

    TrainingEvaluation(AdapterTrainer trainer, PairLossRegistry losses) {
        this.trainer = trainer;
        this.losses = losses;
    }

    public void run(PrintStream out, float[][] embeddings, List<LabelledPair> pairs, List<String> lossIds, Object rank,
            int steps, double learningRate, HeldOut heldOut) {
        PairSplit split = PairSplit.of(pairs, AdapterRequest.DEFAULT_VALIDATION_FRACTION, 0).requireBothClasses();
        TrainingData data = TrainingData.of(embeddings, split);
        out.println("sentences=" + embeddings.length);
        out.println("train_pairs=" + split.train().size());
        out.println("validation_pairs=" + split.validation().size());
        out.println("left_out_pairs=" + split.leftOut().size());
        out.printf(Locale.ROOT, "heldout_pairs=%d%nheldout_spearman_base=%.4f%n", heldOut.scores().length,
                spearman(heldOut, null));
        for (PairLoss loss : losses.all()) {
            if (!lossIds.isEmpty() && !lossIds.contains(loss.id())) continue;
            AdapterForm form = AdapterForm.parse(rank, data.dimension());
            TrainingPlan plan = new TrainingPlan(loss, LossParameters.defaults(loss), form, steps, learningRate,
                    AdapterRequest.DEFAULT_REGULARIZATION, 0);
            long start = System.nanoTime();
            AdapterTrainer.Outcome outcome = trainer.train(data, plan, AdapterTrainer.Progress.NONE);
            String key = loss.id().replace('-', '_');
            out.printf(Locale.ROOT, "%s_seconds=%.1f%n", key, (System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "%s_best_step=%d%n", key, outcome.bestStep());
            for (String metric : List.of("rocAuc", "averagePrecision")) {
                out.printf(Locale.ROOT, "%s_validation_%s_before=%.4f%n", key, metric,
                        validation(outcome.before(), metric));
                out.printf(Locale.ROOT, "%s_validation_%s_after=%.4f%n", key, metric,
                        validation(outcome.after(), metric));
            }
            out.printf(Locale.ROOT, "%s_heldout_spearman=%.4f%n", key, spearman(heldOut, outcome.weights()));
            CurvePoint last = outcome.curve().get(outcome.curve().size() - 1);
            out.printf(Locale.ROOT, "%s_mean_norm_last=%.4f%n", key, last.meanNorm());
        }
    }

    private double spearman(HeldOut heldOut, float[] w) {
        float[][] a = w == null ? heldOut.first() : trainer.apply(heldOut.first(), w);
        float[][] b = w == null ? heldOut.second() : trainer.apply(heldOut.second(), w);
        double[] cosines = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int c = 0; c < a[k].length; c++) {
                dot += (double) a[k][c] * b[k][c];
                na += (double) a[k][c] * a[k][c];
                nb += (double) b[k][c] * b[k][c];
            }
            cosines[k] = dot / Math.sqrt(na * nb);
        }
        return Correlation.spearman(cosines, heldOut.scores());
    }

    @SuppressWarnings("unchecked")
    private static double validation(Map<String, Object> metrics, String metric) {
        Object value = ((Map<String, Object>) metrics.get("validation")).get(metric);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}

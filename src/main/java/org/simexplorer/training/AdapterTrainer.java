package org.simexplorer.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.evaluation.PairClassificationEvaluator;
import org.simexplorer.evaluation.PairMetrics;
import org.simexplorer.loss.AdapterLossEvaluator;
import org.simexplorer.loss.AdapterLossResult;
import org.simexplorer.loss.AdapterPairs;
import org.simexplorer.loss.LabelledPairs;
import org.simexplorer.loss.SparsePairLossEvaluator;
import org.simexplorer.similarity.MatrixProduct;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains one adapter: Adam on ∂L/∂W + 2λ(W − I), carried to the form's parameters; every 10 steps the validation
 * loss and ROC-AUC, keeping the W with the best validation ROC-AUC (the earlier step on a tie). Step 0 is the
 * identity, so the kept W is never worse on validation than the base model.
 */
@Component
class AdapterTrainer {

    /** What a running training reports, and how it learns that it was cancelled. */
    interface Progress {
        /** Reports nothing and never cancels: for the benchmark and the evaluation command. */
        Progress NONE = new Progress() {
            @Override
            public void started(Map<String, Object> before) {
            }

            @Override
            public void point(int step, int bestStep, List<CurvePoint> curve) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        void started(Map<String, Object> before);

        void point(int step, int bestStep, List<CurvePoint> curve);

        boolean cancelled();
    }

    /** The result; {@code cancelled} when it stopped early on request (the rest then describes the last point). */
    record Outcome(float[] weights, int bestStep, List<CurvePoint> curve, Map<String, Object> before,
            Map<String, Object> after, boolean cancelled) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdapterLossEvaluator adapterLoss;
    private final SparsePairLossEvaluator pairLoss;
    private final MatrixProduct product;

    AdapterTrainer(AdapterLossEvaluator adapterLoss, SparsePairLossEvaluator pairLoss, MatrixProduct product) {
        this.adapterLoss = adapterLoss;
        this.pairLoss = pairLoss;
        this.product = product;
    }

    Outcome train(TrainingData data, TrainingPlan plan, Progress progress) {
        Run run = new Run(data, plan);
        List<CurvePoint> curve = new ArrayList<>();
        float[] best = null;
        int bestStep = 0;
        double bestAuc = Double.NEGATIVE_INFINITY;
        Map<String, Object> before = metrics(data, run.weights());
        progress.started(before);
        for (int step = 0; step <= plan.steps(); step++) {
            if (progress.cancelled()) {
                return new Outcome(best, bestStep, curve, before, null, true);
            }
            boolean point = step % TrainingPlan.EVALUATE_EVERY == 0 || step == plan.steps();
            if (!point) {
                run.step();
                continue;
            }
            float[] w = run.weights().clone();
            double trainLoss = step < plan.steps() ? run.step() : run.value();
            CurvePoint at = point(step, trainLoss, w, data, plan);
            curve.add(at);
            double auc = at.validationAuc() == null ? Double.NaN : at.validationAuc();
            if (auc > bestAuc || best == null) {
                best = w;
                bestStep = step;
                bestAuc = Double.isNaN(auc) ? Double.NEGATIVE_INFINITY : auc;
            }
            progress.point(step, bestStep, List.copyOf(curve));
        }
        return new Outcome(best, bestStep, curve, before, metrics(data, best), false);
    }

    /** The state of one training between steps; the benchmark drives it step by step. */
    final class Run {
        private final TrainingData data;
        private final TrainingPlan plan;
        private final float[] parameters;
        private final Adam adam;
        private final Random batches;
        /** The training rows gathered once, when every step reads every pair. */
        private final AdapterPairs fullBatch;

        Run(TrainingData data, TrainingPlan plan) {
            this.data = data;
            this.plan = plan;
            this.fullBatch = data.trainPairs().size() <= TrainingPlan.FULL_BATCH_LIMIT
                    ? adapterLoss.prepare(data.trainRows(), data.trainPairs()) : null;
            this.parameters = plan.form().initial(plan.seed());
            this.adam = new Adam(parameters.length, plan.learningRate());
            this.batches = new Random(plan.seed() ^ 0x5DEECE66DL);
        }

        float[] weights() {
            return plan.form().weights(parameters);
        }

        /** The training loss at the current W, without a step. */
        double value() {
            return adapterLoss.evaluate(data.trainRows(), square(weights()), data.trainPairs(), plan.loss(),
                    plan.params(), false).value();
        }

        private AdapterLossResult lossAt(float[] w) {
            if (fullBatch != null) return adapterLoss.evaluate(fullBatch, square(w), plan.loss(), plan.params(), false);
            return adapterLoss.evaluate(data.trainRows(), square(w), minibatch(data.trainPairs()), plan.loss(),
                    plan.params(), false);
        }

        /** One optimiser step (loss, gradient, update); returns the loss before the update. */
        double step() {
            float[] w = weights();
            AdapterLossResult result = lossAt(w);
            int d = plan.form().dimension();
            float[] gradient = new float[d * d];
            double twiceLambda = 2 * plan.regularization();
            for (int i = 0; i < d; i++) {
                float[] row = result.adapterGradient()[i];
                for (int j = 0; j < d; j++) {
                    int at = i * d + j;
                    gradient[at] = (float) (row[j] + twiceLambda * (w[at] - (i == j ? 1 : 0)));
                }
            }
            adam.step(parameters, plan.form().chain(gradient, parameters));
            return result.value();
        }

        private LabelledPairs minibatch(LabelledPairs all) {
            if (all.size() <= TrainingPlan.FULL_BATCH_LIMIT) return all;
            int[] chosen = new int[all.size()];
            for (int k = 0; k < chosen.length; k++) chosen[k] = k;
            for (int k = 0; k < TrainingPlan.MINIBATCH; k++) {
                int swap = k + batches.nextInt(chosen.length - k);
                int kept = chosen[k];
                chosen[k] = chosen[swap];
                chosen[swap] = kept;
            }
            int[] picked = Arrays.copyOf(chosen, TrainingPlan.MINIBATCH);
            Arrays.sort(picked);
            int[] first = new int[picked.length];
            int[] second = new int[picked.length];
            byte[] labels = new byte[picked.length];
            for (int k = 0; k < picked.length; k++) {
                first[k] = all.first()[picked[k]];
                second[k] = all.second()[picked[k]];
                labels[k] = all.labels()[picked[k]];
            }
            return new LabelledPairs(all.rows(), first, second, labels);
        }
    }

    Run start(TrainingData data, TrainingPlan plan) {
        return new Run(data, plan);
    }

    private CurvePoint point(int step, double trainLoss, float[] w, TrainingData data, TrainingPlan plan) {
        float[][] validation = apply(data.validationRows(), w);
        Double validationLoss;
        try {
            validationLoss = finite(pairLoss.evaluate(validation, data.validationPairs(), plan.loss(), plan.params(),
                    false, false).value());
        } catch (UndefinedException undefined) {
            validationLoss = null;
        }
        Double auc = evaluate(validation, data.validationPairs()).primaryMetric();
        float[][] all = apply(data.allRows(), w);
        double normSum = 0;
        for (float[] row : all) {
            double sum = 0;
            for (float x : row) sum += (double) x * x;
            normSum += Math.sqrt(sum);
        }
        return new CurvePoint(step, finite(trainLoss), validationLoss, auc, all.length == 0 ? 0 : normSum / all.length);
    }

    private Map<String, Object> metrics(TrainingData data, float[] w) {
        PairMetrics training = evaluate(apply(data.trainRows(), w), data.trainPairs());
        float[][] validation = apply(data.validationRows(), w);
        Map<String, PairMetrics> both = new LinkedHashMap<>();
        both.put("training", training);
        // Accuracy and F1 on the validation pairs at the thresholds chosen on the training pairs.
        both.put("validation", PairClassificationEvaluator.evaluateAt(training,
                PairClassificationEvaluator.cosines(validation, data.validationPairs()), data.validationPairs()));
        // Plain maps, as they read back from the database.
        return JSON.convertValue(both, new TypeReference<Map<String, Object>>() {
        });
    }

    private static PairMetrics evaluate(float[][] rows, LabelledPairs pairs) {
        return PairClassificationEvaluator.evaluate(PairClassificationEvaluator.cosines(rows, pairs), pairs);
    }

    /** rows · W on the fast product (W row-major, square). */
    float[][] apply(float[][] rows, float[] w) {
        return AdaptedRows.apply(product, rows, w, (int) Math.round(Math.sqrt(w.length)));
    }

    private static float[][] square(float[] w) {
        int d = (int) Math.round(Math.sqrt(w.length));
        float[][] out = new float[d][];
        for (int i = 0; i < d; i++) out[i] = Arrays.copyOfRange(w, i * d, (i + 1) * d);
        return out;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

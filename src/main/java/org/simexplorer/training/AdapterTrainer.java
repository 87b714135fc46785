package org.simexplorer.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
            public void point(int step, int bestStep, List<CurvePoint> curve, Supplier<TrainingCheckpoint> state) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        void started(Map<String, Object> before);

        /**
         * A curve point; {@code state} gives, while this call lasts, the state to resume from after it; null at
         * the last step, where the training ends instead.
         */
        void point(int step, int bestStep, List<CurvePoint> curve, Supplier<TrainingCheckpoint> state);

        boolean cancelled();
    }

    /** The result; {@code cancelled} when it stopped early on request (the rest then describes the last point). */
    record Outcome(float[] weights, int bestStep, List<CurvePoint> curve, Map<String, Object> before,
            Map<String, Object> after, boolean cancelled) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where a training resumes: its stored state, the curve up to that state's step, and the step-0 metrics. */
    record Resume(TrainingCheckpoint state, List<CurvePoint> curve, Map<String, Object> before) {
    }

    private final AdapterLossEvaluator adapterLoss;
    private final SparsePairLossEvaluator pairLoss;
    private final MatrixProduct product;

    AdapterTrainer(AdapterLossEvaluator adapterLoss, SparsePairLossEvaluator pairLoss, MatrixProduct product) {
        this.adapterLoss = adapterLoss;
        this.pairLoss = pairLoss;
        this.product = product;
    }

    Outcome train(TrainingData data, TrainingPlan plan, Progress progress) {
        return train(data, plan, progress, null);
    }

    /**
     * Trains from step 0, or from {@code resume} when given: the same steps, minibatches and curve follow as in a
     * training that never stopped.
     */
    Outcome train(TrainingData data, TrainingPlan plan, Progress progress, Resume resume) {
        Run run = new Run(data, plan, resume == null ? null : resume.state());
        List<CurvePoint> curve = new ArrayList<>(resume == null ? List.of() : resume.curve());
        float[] best = resume == null ? null : resume.state().best();
        int bestStep = resume == null ? 0 : resume.state().bestStep();
        double bestAuc = resume == null ? Double.NEGATIVE_INFINITY : resume.state().bestAuc();
        Map<String, Object> before = resume != null && resume.before() != null ? resume.before()
                : metrics(data, run.weights());
        if (resume == null || resume.before() == null) progress.started(before);
        for (int step = resume == null ? 0 : resume.state().step() + 1; step <= plan.steps(); step++) {
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
            int pointStep = step;
            float[] kept = best;
            int keptStep = bestStep;
            double keptAuc = bestAuc;
            progress.point(step, bestStep, List.copyOf(curve), step == plan.steps() ? null
                    : () -> run.checkpoint(pointStep, kept, keptStep, keptAuc));
        }
        return new Outcome(best, bestStep, curve, before, metrics(data, best), false);
    }

    /** The state of one training between steps; the benchmark drives it step by step. */
    final class Run {
        private final TrainingData data;
        private final TrainingPlan plan;
        private final float[] parameters;
        private final Adam adam;
        /** The training rows gathered once, when every step reads every pair. */
        private final AdapterPairs fullBatch;

        Run(TrainingData data, TrainingPlan plan, TrainingCheckpoint from) {
            this.data = data;
            this.plan = plan;
            this.fullBatch = data.trainPairs().size() <= TrainingPlan.FULL_BATCH_LIMIT
                    ? adapterLoss.prepare(data.trainRows(), data.trainPairs()) : null;
            if (from == null) {
                this.parameters = plan.form().initial(plan.seed());
                this.adam = new Adam(parameters.length, plan.learningRate());
            } else {
                this.parameters = from.parameters().clone();
                this.adam = new Adam(plan.learningRate(), from.firstMoment().clone(), from.secondMoment().clone(),
                        from.adamSteps());
            }
        }

        float[] weights() {
            return plan.form().weights(parameters);
        }

        /** The state after the curve point {@code step}, with the best W so far. */
        TrainingCheckpoint checkpoint(int step, float[] best, int bestStep, double bestAuc) {
            return new TrainingCheckpoint(step, parameters.clone(), adam.firstMoment(), adam.secondMoment(),
                    adam.steps(), best, bestStep, bestAuc);
        }

        /** The training loss at the current W, without a step. */
        double value() {
            return adapterLoss.evaluate(data.trainRows(), square(weights()), data.trainPairs(), plan.loss(),
                    plan.params(), false).value();
        }

        private AdapterLossResult lossAt(float[] w) {
            if (fullBatch != null) return adapterLoss.evaluate(fullBatch, square(w), plan.loss(), plan.params(), false);
            return adapterLoss.evaluate(data.trainRows(), square(w),
                    Minibatches.of(data.trainPairs(), plan.seed(), adam.steps()), plan.loss(), plan.params(), false);
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
    }

    Run start(TrainingData data, TrainingPlan plan) {
        return new Run(data, plan, null);
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

package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.simexplorer.evaluation.PairClassificationEvaluator;
import org.simexplorer.evaluation.PairMetrics;
import org.simexplorer.loss.AdapterLossEvaluator;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;
import org.simexplorer.loss.SparsePairLossEvaluator;
import org.simexplorer.similarity.MatrixProduct;

/**
 * The trainer on a task with a known answer. Pairs share a direction in dimensions 1..D−1 when positive and not
 * when negative; dimension 0 carries large noise that the labels contradict (opposite signs inside positive
 * pairs, the same sign inside negative ones). The base cosine ranks pairs badly; scaling dimension 0 down fixes it.
 */
class AdapterTrainerTest {

    private static final MatrixProduct PRODUCT = new MatrixProduct(2, 0);
    private static final AdapterTrainer TRAINER = new AdapterTrainer(new AdapterLossEvaluator(PRODUCT),
            new SparsePairLossEvaluator(PRODUCT), PRODUCT);
    private static final int D = 16;
    private static final int PAIRS = 200;

    @AfterAll
    static void close() {
        PRODUCT.close();
    }

    private record Task(float[][] embeddings, List<LabelledPair> pairs) {
    }

    private static Task task(long seed) {
        Random random = new Random(seed);
        float[][] e = new float[2 * PAIRS][];
        List<LabelledPair> pairs = new ArrayList<>();
        for (int p = 0; p < PAIRS; p++) {
            boolean positive = p % 2 == 0;
            float[] a = new float[D];
            float[] b = new float[D];
            for (int k = 1; k < D; k++) {
                a[k] = (float) random.nextGaussian();
                b[k] = positive ? (float) (a[k] + 0.6 * random.nextGaussian()) : (float) random.nextGaussian();
            }
            double noise = 3 + random.nextDouble() * 2;
            a[0] = (float) noise;
            b[0] = (float) (positive ? -noise : noise);
            e[2 * p] = unit(a);
            e[2 * p + 1] = unit(b);
            pairs.add(new LabelledPair(2 * p, 2 * p + 1, positive ? 1 : -1));
        }
        return new Task(e, pairs);
    }

    private static TrainingPlan plan(String lossId, AdapterForm form, int steps, double rate) {
        PairLoss loss = new PairLossRegistry().find(lossId);
        return new TrainingPlan(loss, LossParameters.defaults(loss), form, steps, rate, 1e-3, 0);
    }

    @Test
    void validationRocAucRisesClearlyWhenTheNoisyDimensionIsLearnedAway() {
        Task task = task(1);
        PairSplit split = PairSplit.of(task.pairs(), 0.25, 0).requireBothClasses();
        TrainingData data = TrainingData.of(task.embeddings(), split);
        for (AdapterForm form : List.of(new AdapterForm.Full(D), new AdapterForm.Diagonal(D),
                new AdapterForm.LowRank(D, 2))) {
            AdapterTrainer.Outcome outcome = TRAINER.train(data, plan("cosent", form, 300, 1e-2), AdapterTrainer.Progress.NONE);
            double before = auc(outcome.before(), "validation");
            double after = auc(outcome.after(), "validation");
            assertThat(before).as("base validation ROC-AUC").isLessThan(0.6);
            assertThat(after).as("%s: validation ROC-AUC after training", form.label()).isGreaterThan(0.9);
            assertThat(outcome.bestStep()).isPositive();
            float[] w = outcome.weights();
            // The noisy dimension is scaled down relative to the others.
            assertThat(Math.abs(w[0])).as("W[0][0] (%s)", form.label()).isLessThan(Math.abs(w[D + 1]) * 0.7f);
        }
    }

    @Test
    void stepZeroIsTheBaseModelAndTheCurveHasAPointEveryTenSteps() {
        Task task = task(2);
        PairSplit split = PairSplit.of(task.pairs(), 0.2, 4);
        TrainingData data = TrainingData.of(task.embeddings(), split);
        AdapterTrainer.Outcome outcome = TRAINER.train(data, plan("contrastive", new AdapterForm.Full(D), 25, 1e-3),
                AdapterTrainer.Progress.NONE);
        assertThat(outcome.curve()).extracting(CurvePoint::step).containsExactly(0, 10, 20, 25);
        double[] scores = new double[split.validation().size()];
        boolean[] labels = new boolean[scores.length];
        for (int k = 0; k < scores.length; k++) {
            LabelledPair pair = split.validation().get(k);
            double dot = 0;
            for (int c = 0; c < D; c++) dot += task.embeddings()[pair.i()][c] * task.embeddings()[pair.j()][c];
            scores[k] = dot;
            labels[k] = pair.label() > 0;
        }
        PairMetrics base = PairClassificationEvaluator.evaluate(scores, labels);
        @SuppressWarnings("unchecked")
        Map<String, Object> validation = (Map<String, Object>) outcome.before().get("validation");
        assertThat((Double) validation.get("rocAuc")).isCloseTo(base.rocAuc(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) validation.get("averagePrecision"))
                .isCloseTo(base.averagePrecision(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(outcome.curve().get(0).validationAuc()).isEqualTo((Double) validation.get("rocAuc"));
        assertThat(outcome.curve().get(0).meanNorm()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(auc(outcome.after(), "validation")).isGreaterThanOrEqualTo(auc(outcome.before(), "validation"));
    }

    @Test
    void aCancelledTrainingStopsAtOnce() {
        Task task = task(3);
        TrainingData data = TrainingData.of(task.embeddings(), PairSplit.of(task.pairs(), 0.2, 0));
        int[] points = {0};
        AdapterTrainer.Outcome outcome = TRAINER.train(data, plan("cosent", new AdapterForm.Full(D), 10_000, 1e-3),
                new AdapterTrainer.Progress() {
                    public void started(Map<String, Object> before) {
                    }

                    public void point(int step, int bestStep, List<CurvePoint> curve,
                            java.util.function.Supplier<TrainingCheckpoint> state) {
                        points[0]++;
                    }

                    public boolean cancelled() {
                        return points[0] >= 3;
                    }
                });
        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.curve()).hasSize(3);
        assertThat(outcome.after()).isNull();
    }

    /** Stops the training after its curve point {@code at}, keeping the state stored there. */
    private static final class StopAfter implements AdapterTrainer.Progress {
        private final int at;
        private TrainingCheckpoint stored;
        private List<CurvePoint> curve;
        private Map<String, Object> before;

        StopAfter(int at) {
            this.at = at;
        }

        public void started(Map<String, Object> metrics) {
            before = metrics;
        }

        public void point(int step, int bestStep, List<CurvePoint> points,
                java.util.function.Supplier<TrainingCheckpoint> state) {
            if (step == at) {
                stored = state.get();
                curve = points;
            }
        }

        public boolean cancelled() {
            return stored != null;
        }
    }

    private static void assertResumedRunEqualsAnUninterruptedOne(TrainingData data, TrainingPlan plan, int stopAt) {
        AdapterTrainer.Outcome whole = TRAINER.train(data, plan, AdapterTrainer.Progress.NONE);
        StopAfter stop = new StopAfter(stopAt);
        assertThat(TRAINER.train(data, plan, stop).cancelled()).isTrue();
        assertThat(stop.stored.step()).isEqualTo(stopAt);
        assertThat(stop.curve).extracting(CurvePoint::step).last().isEqualTo(stopAt);
        boolean[] startedAgain = {false};
        AdapterTrainer.Outcome resumed = TRAINER.train(data, plan, new AdapterTrainer.Progress() {
            public void started(Map<String, Object> before) {
                startedAgain[0] = true;
            }

            public void point(int step, int bestStep, List<CurvePoint> curve,
                    java.util.function.Supplier<TrainingCheckpoint> state) {
                assertThat(step).isGreaterThan(stopAt);
            }

            public boolean cancelled() {
                return false;
            }
        }, new AdapterTrainer.Resume(stop.stored, stop.curve, stop.before));
        assertThat(startedAgain[0]).as("step 0's metrics are not recomputed").isFalse();
        assertThat(resumed.curve()).usingRecursiveComparison()
                .withComparatorForType(new org.assertj.core.util.DoubleComparator(1e-6), Double.class)
                .isEqualTo(whole.curve());
        assertThat(resumed.bestStep()).isEqualTo(whole.bestStep());
        assertThat(resumed.weights()).containsExactly(whole.weights(), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(auc(resumed.after(), "validation")).isCloseTo(auc(whole.after(), "validation"),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTrainingResumedFromItsStoredStateEndsWhereAnUninterruptedOneEnds() {
        Task task = task(5);
        TrainingData data = TrainingData.of(task.embeddings(), PairSplit.of(task.pairs(), 0.25, 1));
        for (AdapterForm form : List.of(new AdapterForm.Full(D), new AdapterForm.Diagonal(D),
                new AdapterForm.LowRank(D, 2))) {
            assertResumedRunEqualsAnUninterruptedOne(data, plan("cosent", form, 95, 1e-2), 40);
        }
    }

    @Test
    void minibatchesAreDrawnFromSeedAndStepSoAResumedTrainingReadsTheSamePairs() {
        Random random = new Random(9);
        int sentences = 600;
        float[][] e = new float[sentences][];
        for (int k = 0; k < sentences; k++) {
            float[] v = new float[D];
            for (int c = 0; c < D; c++) v[c] = (float) random.nextGaussian();
            e[k] = unit(v);
        }
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < sentences && pairs.size() < 200_000; i++) {
            for (int j = i + 1; j < sentences && pairs.size() < 200_000; j++) {
                pairs.add(new LabelledPair(i, j, e[i][0] * e[j][0] > 0 ? 1 : -1));
            }
        }
        org.simexplorer.loss.LabelledPairs all = org.simexplorer.loss.LabelledPairs.of(sentences, pairs);
        assertThat(Minibatches.of(all, 7, 12).first()).containsExactly(Minibatches.of(all, 7, 12).first());
        assertThat(Minibatches.of(all, 7, 12).first()).isNotEqualTo(Minibatches.of(all, 7, 13).first());
        assertThat(Minibatches.of(all, 7, 12).size()).isEqualTo(TrainingPlan.MINIBATCH);
        TrainingData data = TrainingData.of(e, PairSplit.of(pairs, 0.1, 2));
        assertThat(data.trainPairs().size()).isGreaterThan(TrainingPlan.FULL_BATCH_LIMIT);
        assertResumedRunEqualsAnUninterruptedOne(data, plan("cosent", new AdapterForm.Diagonal(D), 25, 1e-2), 10);
    }

    private static double auc(Map<String, Object> metrics, String side) {
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) metrics.get(side);
        return (Double) view.get("rocAuc");
    }

    private static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        float scale = (float) (1 / Math.sqrt(sum));
        for (int k = 0; k < v.length; k++) v[k] *= scale;
        return v;
    }
}

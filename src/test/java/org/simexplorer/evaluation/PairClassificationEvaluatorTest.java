package org.simexplorer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.simexplorer.loss.LabelledPairs;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The evaluator on scores worked out by hand, without a model. */
class PairClassificationEvaluatorTest {

    /** Scores 0.9+, 0.8−, 0.3+, 0.1− over pairs (0,1), (0,2), (1,2), (2,3). */
    private static final double[] SCORES = {0.9, 0.8, 0.3, 0.1};
    private static final LabelledPairs PAIRS = new LabelledPairs(4, new int[] {0, 0, 1, 2}, new int[] {1, 2, 2, 3},
            new byte[] {1, -1, 1, -1});

    @Test
    void theMetricsOfHandCheckedScores() {
        PairMetrics m = PairClassificationEvaluator.evaluate(SCORES, PAIRS);
        assertThat(m.pairs()).isEqualTo(4);
        assertThat(m.positives()).isEqualTo(2);
        assertThat(m.negatives()).isEqualTo(2);
        // 3 of the 4 positive–negative comparisons put the positive higher (0.3 < 0.8 is the one miss).
        assertThat(m.rocAuc()).isCloseTo(0.75, within(1e-12));
        // Precision 1/1 at the first positive and 2/3 at the second, each weighed by recall 1/2.
        assertThat(m.averagePrecision()).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
        // Cutting after 0.9 gets 3 of 4 right; cutting after 0.3 does too, and the first cut that reaches it wins.
        assertThat(m.accuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(m.accuracyThreshold()).isCloseTo(0.85, within(1e-12));
        // Cutting after 0.3 calls three pairs similar, two of them rightly: P = 2/3, R = 1, F1 = 0.8.
        assertThat(m.f1()).isCloseTo(0.8, within(1e-12));
        assertThat(m.f1Threshold()).isCloseTo(0.2, within(1e-12));
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theRocAucIsThePrimaryMetricWithItsInterval() {
        PairMetrics m = PairClassificationEvaluator.evaluate(SCORES, PAIRS);
        assertThat(PairClassificationEvaluator.PRIMARY_METRIC).isEqualTo("rocAuc");
        assertThat(m.primaryMetric()).isEqualTo(m.rocAuc());
        assertThat(m.rocAucInterval()).isEqualTo(AucInterval.of95(0.75, 2, 2));
        assertThat(m.rocAucInterval().low()).isLessThan(0.75);
        assertThat(m.rocAucInterval().high()).isGreaterThan(0.75);
    }

    @Test
    void heldOutPairsAreJudgedAtTheThresholdsChosenElsewhere() {
        PairMetrics chosen = PairClassificationEvaluator.evaluate(SCORES, PAIRS);
        LabelledPairs heldOut = new LabelledPairs(3, new int[] {0, 0, 1}, new int[] {1, 2, 2}, new byte[] {1, -1, -1});
        PairMetrics m = PairClassificationEvaluator.evaluateAt(chosen, new double[] {0.5, 0.15, 0.25}, heldOut);
        // Ranked on their own, the held-out pairs are separated.
        assertThat(m.rocAuc()).isEqualTo(1.0);
        assertThat(m.averagePrecision()).isEqualTo(1.0);
        // At 0.85 nothing is called similar: the two negatives are right, the positive is missed.
        assertThat(m.accuracyThreshold()).isEqualTo(chosen.accuracyThreshold());
        assertThat(m.accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        // At 0.2, 0.5 and 0.25 are called similar: one right, one wrong, no positive missed.
        assertThat(m.f1Threshold()).isEqualTo(chosen.f1Threshold());
        assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.recall()).isCloseTo(1.0, within(1e-12));
        assertThat(m.f1()).isCloseTo(2.0 / 3, within(1e-12));
        // Its own best F1 threshold would have differed.
        assertThat(PairClassificationEvaluator.evaluate(new double[] {0.5, 0.15, 0.25}, heldOut).f1Threshold())
                .isNotEqualTo(chosen.f1Threshold());
    }

    @Test
    void undefinedRatesAreNull() {
        PairMetrics none = PairClassificationEvaluator.evaluate(new double[0], new boolean[0]);
        assertThat(none.pairs()).isZero();
        assertThat(none.rocAuc()).isNull();
        assertThat(none.averagePrecision()).isNull();
        assertThat(none.accuracy()).isNull();
        assertThat(none.f1()).isNull();
        assertThat(none.primaryMetric()).isNull();
        assertThat(none.rocAucInterval()).isNull();

        PairMetrics negativesOnly = PairClassificationEvaluator.evaluate(new double[] {0.4, 0.6},
                new boolean[] {false, false});
        assertThat(negativesOnly.rocAuc()).isNull();
        assertThat(negativesOnly.accuracy()).isNotNull();
        assertThat(negativesOnly.f1()).isNull();
        assertThat(negativesOnly.f1Threshold()).isNull();

        // A single training pair chooses no threshold, so the held-out side gets no accuracy and no F1.
        PairMetrics one = PairClassificationEvaluator.evaluate(new double[] {0.7}, new boolean[] {true});
        PairMetrics heldOut = PairClassificationEvaluator.evaluateAt(one, SCORES, PAIRS);
        assertThat(heldOut.rocAuc()).isCloseTo(0.75, within(1e-12));
        assertThat(heldOut.accuracy()).isNull();
        assertThat(heldOut.accuracyThreshold()).isNull();
        assertThat(heldOut.f1()).isNull();
        assertThat(heldOut.precision()).isNull();
    }

    @Test
    void cosinesAreTakenOverTheRowsNorms() {
        float[][] rows = {{3, 4}, {6, 8}, {-4, 3}, {0, 0}};
        LabelledPairs pairs = new LabelledPairs(4, new int[] {0, 0, 0}, new int[] {1, 2, 3}, new byte[] {1, -1, -1});
        assertThat(PairClassificationEvaluator.cosines(rows, pairs)).containsExactly(new double[] {1, 0, 0},
                within(1e-12));
    }

    @Test
    void theJsonShapeHoldsTheMetricsOnly() {
        Map<String, Object> json = JsonMapper.builder().build().convertValue(
                PairClassificationEvaluator.evaluate(SCORES, PAIRS), new TypeReference<Map<String, Object>>() {
                });
        assertThat(json).containsOnlyKeys("pairs", "positives", "negatives", "rocAuc", "averagePrecision", "accuracy",
                "accuracyThreshold", "f1", "f1Threshold", "precision", "recall");
    }
}

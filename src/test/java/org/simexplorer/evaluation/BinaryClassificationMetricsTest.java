package org.simexplorer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryClassificationMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void handWorkedExample() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        boolean[] labels = {true, true, false, true, false, false};
        BinaryClassificationMetrics m = BinaryClassificationMetrics.compute(scores, labels);
        assertThat(m.pairs()).isEqualTo(6);
        assertThat(m.positives()).isEqualTo(3);
        assertThat(m.negatives()).isEqualTo(3);
        // Positives beat negatives in 8 of 9 (pos, neg) pairs.
        assertThat(m.rocAuc()).isCloseTo(8.0 / 9, within(EPS));
        // Positives at ranks 1, 2, 4: precisions 1, 1, 3/4.
        assertThat(m.averagePrecision()).isCloseTo((1 + 1 + 0.75) / 3, within(EPS));
        // Cutting between 0.8 and 0.7 gets 5 of 6 right (the first cut to do so wins).
        assertThat(m.accuracy()).isCloseTo(5.0 / 6, within(EPS));
        assertThat(m.accuracyThreshold()).isCloseTo(0.75, within(EPS));
        // Cutting between 0.6 and 0.5: precision 3/4, recall 1, F1 6/7.
        assertThat(m.f1()).isCloseTo(6.0 / 7, within(EPS));
        assertThat(m.precision()).isCloseTo(0.75, within(EPS));
        assertThat(m.recall()).isCloseTo(1.0, within(EPS));
        assertThat(m.f1Threshold()).isCloseTo(0.55, within(EPS));
    }

    @Test
    void rocAucMatchesMannWhitneyWithTies() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + random.nextInt(60);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int k = 0; k < n; k++) {
                labels[k] = random.nextBoolean();
                // Coarse scores so that ties across classes happen.
                scores[k] = Math.round((random.nextDouble() + (labels[k] ? 0.3 : 0)) * 10) / 10.0;
            }
            labels[0] = true;
            labels[1] = false;
            double u = 0;
            int positives = 0;
            int negatives = 0;
            for (int a = 0; a < n; a++) {
                if (labels[a]) positives++;
                else negatives++;
                for (int b = 0; b < n; b++) {
                    if (!labels[a] || labels[b]) continue;
                    if (scores[a] > scores[b]) u += 1;
                    else if (scores[a] == scores[b]) u += 0.5;
                }
            }
            BinaryClassificationMetrics m = BinaryClassificationMetrics.compute(scores, labels);
            assertThat(m.rocAuc()).isCloseTo(u / ((double) positives * negatives), within(EPS));
        }
    }

    @Test
    void averagePrecisionMatchesDirectDefinition() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 3 + random.nextInt(80);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int k = 0; k < n; k++) {
                labels[k] = random.nextDouble() < 0.4;
                scores[k] = random.nextGaussian() + (labels[k] ? 0.8 : 0);
            }
            labels[0] = true;
            // Mean over positives of the precision among all items scored at least as high (no ties here).
            double sum = 0;
            int positives = 0;
            for (int a = 0; a < n; a++) {
                if (!labels[a]) continue;
                positives++;
                int atLeast = 0;
                int positiveAtLeast = 0;
                for (int b = 0; b < n; b++) {
                    if (scores[b] >= scores[a]) {
                        atLeast++;
                        if (labels[b]) positiveAtLeast++;
                    }
                }
                sum += (double) positiveAtLeast / atLeast;
            }
            BinaryClassificationMetrics m = BinaryClassificationMetrics.compute(scores, labels);
            assertThat(m.averagePrecision()).isCloseTo(sum / positives, within(1e-12));
        }
    }

    @Test
    void averagePrecisionGroupsTiesAsScikitLearnDoes() {
        // sklearn: average_precision_score([1, 0, 1, 0], [0.8, 0.8, 0.5, 0.1]) == 0.5*0.5 + 0.5*(2/3) = 0.58333
        BinaryClassificationMetrics m = BinaryClassificationMetrics.compute(new double[] {0.8, 0.8, 0.5, 0.1},
                new boolean[] {true, false, true, false});
        assertThat(m.averagePrecision()).isCloseTo(0.5 * 0.5 + 0.5 * (2.0 / 3), within(EPS));
    }

    @Test
    void bestAccuracyAndF1MatchBruteForceOverMidpoints() {
        Random random = new Random(9);
        for (int trial = 0; trial < 30; trial++) {
            int n = 4 + random.nextInt(50);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int k = 0; k < n; k++) {
                labels[k] = random.nextBoolean();
                scores[k] = random.nextGaussian() + (labels[k] ? 1 : 0);
            }
            labels[0] = true;
            double[] sorted = scores.clone();
            java.util.Arrays.sort(sorted);
            double bestAccuracy = 0;
            double bestF1 = 0;
            int positives = 0;
            for (boolean label : labels) if (label) positives++;
            for (int r = 0; r + 1 < n; r++) {
                double threshold = (sorted[r] + sorted[r + 1]) / 2;
                int tp = 0, fp = 0, tn = 0;
                for (int k = 0; k < n; k++) {
                    boolean predicted = scores[k] > threshold;
                    if (predicted && labels[k]) tp++;
                    if (predicted && !labels[k]) fp++;
                    if (!predicted && !labels[k]) tn++;
                }
                bestAccuracy = Math.max(bestAccuracy, (double) (tp + tn) / n);
                if (tp > 0) {
                    double p = (double) tp / (tp + fp);
                    double rc = (double) tp / positives;
                    bestF1 = Math.max(bestF1, 2 * p * rc / (p + rc));
                }
            }
            BinaryClassificationMetrics m = BinaryClassificationMetrics.compute(scores, labels);
            assertThat(m.accuracy()).isCloseTo(bestAccuracy, within(EPS));
            assertThat(m.f1()).isCloseTo(bestF1, within(EPS));
            // The reported thresholds really achieve the reported values.
            int correct = 0, tp = 0, predictedPositive = 0;
            for (int k = 0; k < n; k++) {
                if ((scores[k] > m.accuracyThreshold()) == labels[k]) correct++;
                if (scores[k] > m.f1Threshold()) {
                    predictedPositive++;
                    if (labels[k]) tp++;
                }
            }
            assertThat((double) correct / n).isCloseTo(m.accuracy(), within(EPS));
            assertThat((double) tp / predictedPositive).isCloseTo(m.precision(), within(EPS));
            assertThat((double) tp / positives).isCloseTo(m.recall(), within(EPS));
        }
    }

    @Test
    void undefinedRatesAreNaN() {
        BinaryClassificationMetrics none = BinaryClassificationMetrics.compute(new double[0], new boolean[0]);
        assertThat(none.pairs()).isZero();
        assertThat(none.rocAuc()).isNaN();
        assertThat(none.averagePrecision()).isNaN();
        BinaryClassificationMetrics onlyPositive = BinaryClassificationMetrics.compute(new double[] {0.3, 0.5},
                new boolean[] {true, true});
        assertThat(onlyPositive.rocAuc()).isNaN();
        assertThat(onlyPositive.averagePrecision()).isCloseTo(1.0, within(EPS));
    }
}

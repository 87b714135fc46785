package org.simexplorer.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well a score (the cosine) separates labelled pairs, computed as sentence-transformers'
 * BinaryClassificationEvaluator does for cosine: best accuracy and best F1 thresholds are midpoints between
 * consecutive scores sorted from high to low; average precision is scikit-learn's average_precision_score; ROC-AUC
 * counts ties as one half (scikit-learn's roc_auc_score).
 *
 * @param pairs             number of labelled pairs
 * @param positives         pairs labelled +1
 * @param negatives         pairs labelled -1
 * @param rocAuc            area under the ROC curve, or NaN without both classes
 * @param averagePrecision  average precision, or NaN without positives
 * @param accuracy          best accuracy of the rule "score &gt; threshold means similar"
 * @param accuracyThreshold its threshold
 * @param f1                best F1
 * @param f1Threshold       its threshold
 * @param precision         precision at the best-F1 threshold
 * @param recall            recall at the best-F1 threshold
 */
record BinaryClassificationMetrics(int pairs, int positives, int negatives, double rocAuc,
        double averagePrecision, double accuracy, double accuracyThreshold, double f1, double f1Threshold,
        double precision, double recall) {

    /**
     * @param scores one score per pair, higher meaning more similar
     * @param labels true for a positive (+1) pair, false for a negative (-1) pair
     */
    static BinaryClassificationMetrics compute(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int n = scores.length;
        int positives = 0;
        for (boolean label : labels) {
            if (label) positives++;
        }
        int negatives = n - positives;
        // Stable descending sort, as Python's sorted(..., reverse=True).
        List<Integer> order = new ArrayList<>(n);
        for (int k = 0; k < n; k++) order.add(k);
        order.sort(Comparator.comparingDouble((Integer k) -> scores[k]).reversed());
        double[] sorted = new double[n];
        boolean[] sortedLabels = new boolean[n];
        for (int r = 0; r < n; r++) {
            sorted[r] = scores[order.get(r)];
            sortedLabels[r] = labels[order.get(r)];
        }

        double[] accuracy = bestAccuracy(sorted, sortedLabels, negatives);
        double[] f1 = bestF1(sorted, sortedLabels, positives);
        return new BinaryClassificationMetrics(n, positives, negatives, rocAuc(sorted, sortedLabels, positives,
                negatives), averagePrecision(sorted, sortedLabels, positives), accuracy[0], accuracy[1],
                f1[0], f1[1], f1[2], f1[3]);
    }

    /** sentence-transformers' find_best_acc_and_threshold: {accuracy, threshold}, threshold −1 when none. */
    private static double[] bestAccuracy(double[] sorted, boolean[] sortedLabels, int negatives) {
        int n = sorted.length;
        double bestAccuracy = 0;
        double threshold = -1;
        int positivesSoFar = 0;
        int remainingNegatives = negatives;
        for (int r = 0; r < n - 1; r++) {
            if (sortedLabels[r]) positivesSoFar++;
            else remainingNegatives--;
            double accuracy = (double) (positivesSoFar + remainingNegatives) / n;
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                threshold = (sorted[r] + sorted[r + 1]) / 2;
            }
        }
        return new double[] {bestAccuracy, threshold};
    }

    /** sentence-transformers' find_best_f1_and_threshold: {f1, threshold, precision, recall}. */
    private static double[] bestF1(double[] sorted, boolean[] sortedLabels, int positives) {
        double[] best = {0, 0, 0, 0};
        int extracted = 0;
        int correct = 0;
        for (int r = 0; r < sorted.length - 1; r++) {
            extracted++;
            if (sortedLabels[r]) correct++;
            if (correct > 0) {
                double precision = (double) correct / extracted;
                double recall = (double) correct / positives;
                double f1 = 2 * precision * recall / (precision + recall);
                if (f1 > best[0]) {
                    best[0] = f1;
                    best[1] = (sorted[r] + sorted[r + 1]) / 2;
                    best[2] = precision;
                    best[3] = recall;
                }
            }
        }
        return best;
    }

    /** Trapezoidal area under the ROC curve over distinct thresholds; ties between classes count one half. */
    private static double rocAuc(double[] sorted, boolean[] labels, int positives, int negatives) {
        if (positives == 0 || negatives == 0) return Double.NaN;
        double area = 0;
        int truePositives = 0;
        int falsePositives = 0;
        int r = 0;
        while (r < sorted.length) {
            int tiedPositives = 0;
            int tiedNegatives = 0;
            double score = sorted[r];
            while (r < sorted.length && sorted[r] == score) {
                if (labels[r]) tiedPositives++;
                else tiedNegatives++;
                r++;
            }
            // The trapezoid under this step of the curve.
            area += tiedNegatives * (truePositives + tiedPositives / 2.0);
            truePositives += tiedPositives;
            falsePositives += tiedNegatives;
        }
        return area / ((double) positives * negatives);
    }

    /** Σ (R_k − R_{k−1}) · P_k over distinct thresholds, from high to low, as scikit-learn computes it. */
    private static double averagePrecision(double[] sorted, boolean[] labels, int positives) {
        if (positives == 0) return Double.NaN;
        double sum = 0;
        int truePositives = 0;
        int seen = 0;
        int r = 0;
        while (r < sorted.length) {
            double score = sorted[r];
            int tiedPositives = 0;
            while (r < sorted.length && sorted[r] == score) {
                if (labels[r]) tiedPositives++;
                seen++;
                r++;
            }
            if (tiedPositives > 0) {
                truePositives += tiedPositives;
                sum += ((double) tiedPositives / positives) * ((double) truePositives / seen);
            }
        }
        return sum;
    }
}

package org.simexplorer.evaluation;

/**
 * The rule "score &gt; threshold means similar" applied at a threshold chosen elsewhere (for example on training
 * pairs, then applied to held-out pairs).
 *
 * @param accuracy  share of pairs the rule gets right, or NaN without pairs
 * @param precision share of pairs called similar that are positive, or NaN when none is called similar
 * @param recall    share of positives called similar, or NaN without positives
 * @param f1        harmonic mean of precision and recall, 0 when both are 0, NaN when either is undefined
 */
public record ThresholdCounts(double threshold, double accuracy, double precision, double recall, double f1) {

    public static ThresholdCounts at(double threshold, double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int trueNegatives = 0;
        for (int k = 0; k < scores.length; k++) {
            boolean called = scores[k] > threshold;
            if (called && labels[k]) truePositives++;
            else if (called) falsePositives++;
            else if (labels[k]) falseNegatives++;
            else trueNegatives++;
        }
        int n = scores.length;
        double accuracy = n == 0 ? Double.NaN : (double) (truePositives + trueNegatives) / n;
        double precision = truePositives + falsePositives == 0 ? Double.NaN
                : (double) truePositives / (truePositives + falsePositives);
        double recall = truePositives + falseNegatives == 0 ? Double.NaN
                : (double) truePositives / (truePositives + falseNegatives);
        double f1 = Double.isNaN(precision) || Double.isNaN(recall) ? Double.NaN
                : precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ThresholdCounts(threshold, accuracy, precision, recall, f1);
    }
}

package org.simexplorer.evaluation;

/**
 * How well a score separates labelled pairs, as the API reports it: a rate that does not exist for these pairs is
 * null rather than NaN or a placeholder. Accuracy needs two pairs; F1, precision and recall also need a positive;
 * ROC-AUC needs both classes and average precision a positive.
 *
 * @param pairs             number of labelled pairs
 * @param positives         pairs labelled +1
 * @param negatives         pairs labelled -1
 * @param rocAuc            area under the ROC curve, the primary metric
 * @param averagePrecision  average precision
 * @param accuracy          accuracy of the rule "score &gt; accuracyThreshold means similar"
 * @param accuracyThreshold its threshold
 * @param f1                F1 of the rule "score &gt; f1Threshold means similar"
 * @param f1Threshold       its threshold
 * @param precision         precision at f1Threshold
 * @param recall            recall at f1Threshold
 */
public record PairMetrics(int pairs, int positives, int negatives, Double rocAuc, Double averagePrecision,
        Double accuracy, Double accuracyThreshold, Double f1, Double f1Threshold, Double precision, Double recall) {

    /** The metric to rank by, as sentence-transformers' evaluators name one: the ROC-AUC, or null when undefined. */
    public Double primaryMetric() {
        return rocAuc;
    }

    /** The 95 % interval of the ROC-AUC ({@link AucInterval}), or null when the ROC-AUC is undefined. */
    public AucInterval rocAucInterval() {
        return rocAuc == null ? null : AucInterval.of95(rocAuc, positives, negatives);
    }
}

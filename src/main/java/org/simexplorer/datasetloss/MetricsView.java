package org.simexplorer.datasetloss;

import org.simexplorer.evaluation.BinaryClassificationMetrics;

/**
 * The metrics of a dataset's labels as the API shows them: a rate that does not exist for these labels is null
 * rather than NaN or a placeholder. Accuracy needs two pairs; F1, precision and recall also need a positive; ROC-AUC
 * needs both classes and AP a positive (the metrics give NaN for those).
 */
public record MetricsView(int pairs, int positives, int negatives, Double rocAuc, Double averagePrecision,
        Double accuracy, Double accuracyThreshold, Double f1, Double f1Threshold, Double precision, Double recall) {

    public static MetricsView of(BinaryClassificationMetrics m) {
        boolean accuracyDefined = m.pairs() >= 2;
        boolean f1Defined = accuracyDefined && m.positives() > 0;
        return new MetricsView(m.pairs(), m.positives(), m.negatives(), finite(m.rocAuc()),
                finite(m.averagePrecision()),
                accuracyDefined ? m.accuracy() : null,
                accuracyDefined && m.accuracyThreshold() != -1 ? m.accuracyThreshold() : null,
                f1Defined ? m.f1() : null, f1Defined ? m.f1Threshold() : null,
                f1Defined ? m.precision() : null, f1Defined ? m.recall() : null);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

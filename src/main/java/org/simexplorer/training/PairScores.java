package org.simexplorer.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.simexplorer.evaluation.BinaryClassificationMetrics;
import org.simexplorer.evaluation.ThresholdCounts;
import org.simexplorer.datasetloss.MetricsView;
import org.simexplorer.loss.LabelledPairs;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cosines of labelled pairs under an adapter, and the metrics the adapter view reports: the fields of a
 * dataset's /metrics on the training pairs, and on the validation pairs the same fields with accuracy and F1
 * taken at the thresholds chosen on the training pairs.
 */
final class PairScores {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PairScores() {
    }

    /** The cosine of each pair's two rows. */
    static double[] cosines(float[][] rows, LabelledPairs pairs) {
        double[] norms = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double sum = 0;
            for (float x : rows[r]) sum += (double) x * x;
            norms[r] = Math.max(Math.sqrt(sum), 1e-12);
        }
        double[] scores = new double[pairs.size()];
        for (int p = 0; p < scores.length; p++) {
            float[] a = rows[pairs.first()[p]];
            float[] b = rows[pairs.second()[p]];
            double dot = 0;
            for (int k = 0; k < a.length; k++) dot += (double) a[k] * b[k];
            scores[p] = dot / (norms[pairs.first()[p]] * norms[pairs.second()[p]]);
        }
        return scores;
    }

    static boolean[] positives(LabelledPairs pairs) {
        boolean[] positive = new boolean[pairs.size()];
        for (int p = 0; p < positive.length; p++) positive[p] = pairs.labels()[p] > 0;
        return positive;
    }

    static double rocAuc(float[][] rows, LabelledPairs pairs) {
        return BinaryClassificationMetrics.compute(cosines(rows, pairs), positives(pairs)).rocAuc();
    }

    /**
     * {"training": {...}, "validation": {...}} for adapted training and validation rows, each as the dataset's
     * /metrics shows metrics; on the validation side accuracy and F1 use the training side's thresholds.
     */
    static Map<String, Object> metrics(float[][] trainRows, LabelledPairs train, float[][] validationRows,
            LabelledPairs validation) {
        MetricsView onTraining = MetricsView.of(BinaryClassificationMetrics.compute(cosines(trainRows, train),
                positives(train)));
        double[] validationScores = cosines(validationRows, validation);
        boolean[] validationLabels = positives(validation);
        MetricsView ranked = MetricsView.of(BinaryClassificationMetrics.compute(validationScores, validationLabels));
        ThresholdCounts accuracy = onTraining.accuracyThreshold() == null ? null
                : ThresholdCounts.at(onTraining.accuracyThreshold(), validationScores, validationLabels);
        ThresholdCounts f1 = onTraining.f1Threshold() == null ? null
                : ThresholdCounts.at(onTraining.f1Threshold(), validationScores, validationLabels);
        MetricsView onValidation = new MetricsView(ranked.pairs(), ranked.positives(), ranked.negatives(),
                ranked.rocAuc(), ranked.averagePrecision(),
                accuracy == null ? null : finite(accuracy.accuracy()), onTraining.accuracyThreshold(),
                f1 == null ? null : finite(f1.f1()), onTraining.f1Threshold(),
                f1 == null ? null : finite(f1.precision()), f1 == null ? null : finite(f1.recall()));
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("training", onTraining);
        both.put("validation", onValidation);
        // Plain maps, as they read back from the database.
        return JSON.convertValue(both, new TypeReference<Map<String, Object>>() {
        });
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

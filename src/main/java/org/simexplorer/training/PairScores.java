package org.simexplorer.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.simexplorer.evaluation.BinaryClassificationMetrics;
import org.simexplorer.evaluation.ThresholdCounts;
import org.simexplorer.loss.LabelledPairs;

/**
 * Cosines of labelled pairs under an adapter, and the metrics the adapter view reports: the fields of a
 * dataset's /metrics on the training pairs, and on the validation pairs the same fields with accuracy and F1
 * taken at the thresholds chosen on the training pairs.
 */
final class PairScores {

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

    /** {"training": {...}, "validation": {...}} for adapted training and validation rows. */
    static Map<String, Object> metrics(float[][] trainRows, LabelledPairs train, float[][] validationRows,
            LabelledPairs validation) {
        BinaryClassificationMetrics onTraining = BinaryClassificationMetrics.compute(cosines(trainRows, train),
                positives(train));
        double[] validationScores = cosines(validationRows, validation);
        boolean[] validationLabels = positives(validation);
        BinaryClassificationMetrics onValidation = BinaryClassificationMetrics.compute(validationScores,
                validationLabels);
        ThresholdCounts accuracy = ThresholdCounts.at(onTraining.accuracyThreshold(), validationScores,
                validationLabels);
        ThresholdCounts f1 = ThresholdCounts.at(onTraining.f1Threshold(), validationScores, validationLabels);
        Map<String, Object> validationView = counts(onValidation);
        validationView.put("accuracy", finite(accuracy.accuracy()));
        validationView.put("accuracyThreshold", accuracy.threshold());
        validationView.put("f1", finite(f1.f1()));
        validationView.put("f1Threshold", f1.threshold());
        validationView.put("precision", finite(f1.precision()));
        validationView.put("recall", finite(f1.recall()));
        Map<String, Object> trainingView = counts(onTraining);
        trainingView.put("accuracy", onTraining.accuracy());
        trainingView.put("accuracyThreshold", onTraining.accuracyThreshold());
        trainingView.put("f1", onTraining.f1());
        trainingView.put("f1Threshold", onTraining.f1Threshold());
        trainingView.put("precision", onTraining.precision());
        trainingView.put("recall", onTraining.recall());
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("training", trainingView);
        both.put("validation", validationView);
        return both;
    }

    private static Map<String, Object> counts(BinaryClassificationMetrics m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pairs", m.pairs());
        view.put("positives", m.positives());
        view.put("negatives", m.negatives());
        view.put("rocAuc", finite(m.rocAuc()));
        view.put("averagePrecision", finite(m.averagePrecision()));
        return view;
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

package org.simexplorer.evaluation;

import org.simexplorer.loss.LabelledPairs;

/**
 * The one evaluator of labelled pairs, as sentence-transformers' BinaryClassificationEvaluator without the model:
 * given a score per pair (higher meaning more similar) and the pairs' labels, it returns {@link PairMetrics}, with
 * the ROC-AUC as primary metric. The dataset's metrics, a comparison of models and a training's steps all read it.
 */
public final class PairClassificationEvaluator {

    /** The name of {@link PairMetrics#primaryMetric()}: a training keeps the step where it is highest. */
    public static final String PRIMARY_METRIC = "rocAuc";

    private PairClassificationEvaluator() {
    }

    /** Metrics of the scores, the thresholds chosen on these same pairs; see {@link BinaryClassificationMetrics}. */
    public static PairMetrics evaluate(double[] scores, LabelledPairs pairs) {
        return evaluate(scores, positives(pairs));
    }

    /** @param positives true for a pair labelled +1, false for one labelled -1 */
    public static PairMetrics evaluate(double[] scores, boolean[] positives) {
        BinaryClassificationMetrics m = BinaryClassificationMetrics.compute(scores, positives);
        boolean accuracyDefined = m.pairs() >= 2;
        boolean f1Defined = accuracyDefined && m.positives() > 0;
        return new PairMetrics(m.pairs(), m.positives(), m.negatives(), finite(m.rocAuc()),
                finite(m.averagePrecision()),
                accuracyDefined ? m.accuracy() : null,
                accuracyDefined && m.accuracyThreshold() != -1 ? m.accuracyThreshold() : null,
                f1Defined ? m.f1() : null, f1Defined ? m.f1Threshold() : null,
                f1Defined ? m.precision() : null, f1Defined ? m.recall() : null);
    }

    /**
     * Metrics of held-out pairs: ROC-AUC and average precision from their own ranking, accuracy and F1 (with
     * precision and recall) at the thresholds of {@code chosen}, the metrics of the pairs the thresholds were
     * chosen on. A rate is null where {@code chosen} has no threshold for it or the held-out pairs leave it undefined.
     */
    public static PairMetrics evaluateAt(PairMetrics chosen, double[] scores, LabelledPairs pairs) {
        boolean[] positives = positives(pairs);
        PairMetrics ranked = evaluate(scores, positives);
        ThresholdCounts accuracy = chosen.accuracyThreshold() == null ? null
                : ThresholdCounts.at(chosen.accuracyThreshold(), scores, positives);
        ThresholdCounts f1 = chosen.f1Threshold() == null ? null
                : ThresholdCounts.at(chosen.f1Threshold(), scores, positives);
        return new PairMetrics(ranked.pairs(), ranked.positives(), ranked.negatives(), ranked.rocAuc(),
                ranked.averagePrecision(), accuracy == null ? null : finite(accuracy.accuracy()),
                chosen.accuracyThreshold(), f1 == null ? null : finite(f1.f1()), chosen.f1Threshold(),
                f1 == null ? null : finite(f1.precision()), f1 == null ? null : finite(f1.recall()));
    }

    /** The cosine of each pair's two rows, in double precision; a zero row scores 0. */
    public static double[] cosines(float[][] rows, LabelledPairs pairs) {
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

    /** true for each pair labelled +1. */
    public static boolean[] positives(LabelledPairs pairs) {
        boolean[] positive = new boolean[pairs.size()];
        for (int p = 0; p < positive.length; p++) positive[p] = pairs.labels()[p] > 0;
        return positive;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

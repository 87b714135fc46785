package org.simexplorer.training;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.evaluation.AucInterval;
import org.simexplorer.evaluation.PairSplit;
import org.simexplorer.evaluation.PairMetrics;

/**
 * The JSON shape of an adapter, as GET /api/adapters/{id} and the progress events give it.
 *
 * @param model   the adapter's model id, {@code <base>:<name>}
 * @param rank    "full", "diagonal" or the rank as a number
 * @param status  queued, running, done, failed or cancelled
 * @param curve   a point every 10 steps and at step 0
 * @param before  metrics at step 0 ({"training", "validation"}, each with the fields of the dataset's /metrics, and
 *                rocAucLow and rocAucHigh: its 95 % interval, see {@link AucInterval})
 * @param after   metrics at the best step, once done, in the same shape
 * @param caution set when the validation side has fewer pairs of a class than
 *                {@code simexplorer.training.min-validation-pairs-per-class}; null otherwise
 */
record AdapterView(long id, String model, String base, Long datasetId, String name, String loss,
        Map<String, Double> params,
        @Schema(description = "\"full\", \"diagonal\" or the rank r", oneOf = {String.class, Integer.class}) Object rank,
        String status, int step, int steps, Integer bestStep,
        double learningRate, double regularization, double validationFraction, long seed, int dimension,
        PairSplit.Counts split, List<CurvePoint> curve,
        @Schema(description = METRICS, additionalPropertiesSchema = PairMetrics.class) Map<String, Object> before,
        @Schema(description = METRICS, additionalPropertiesSchema = PairMetrics.class) Map<String, Object> after,
        String failure, Caution caution) {

    static final String METRICS = "\"training\" and \"validation\", each with the fields of the dataset's /metrics"
            + " and rocAucLow, rocAucHigh: the ROC-AUC's 95 % interval";

    /**
     * Too few validation pairs for the metrics to mean much.
     *
     * @param positives       similar validation pairs, once step 0 has been evaluated (null before)
     * @param negatives       dissimilar validation pairs, likewise
     * @param minimumPerClass the stated minimum of each
     */
    record Caution(String message, int validationPairs, Integer positives, Integer negatives, int minimumPerClass) {
    }

    /** The stored row: every instance shows a training as its database row has it. */
    static AdapterView of(AdapterRecord a, int minimumPerClass) {
        Object rank = a.rank().matches("[0-9]+") ? (Object) Integer.parseInt(a.rank()) : a.rank();
        Map<String, Object> before = withIntervals(a.before());
        return new AdapterView(a.id(), a.modelId(), a.base(), a.datasetId(), a.name(), a.loss(), a.params(), rank,
                a.status().wire(), a.step(), a.steps(), a.bestStep(), a.learningRate(), a.regularization(),
                a.validationFraction(), a.seed(), a.outputDimension(), a.split(), a.curve(), before,
                withIntervals(a.after()), a.failure(), caution(a.split(), before, minimumPerClass));
    }

    /** The caution for this split, judged by class once step 0 gave the counts, by the total before that. */
    static Caution caution(PairSplit.Counts split, Map<String, Object> before, int minimumPerClass) {
        Map<?, ?> validation = before == null ? null : (Map<?, ?>) before.get("validation");
        Integer positives = validation == null ? null : count(validation.get("positives"));
        Integer negatives = validation == null ? null : count(validation.get("negatives"));
        boolean small = positives != null && negatives != null
                ? positives < minimumPerClass || negatives < minimumPerClass
                : split.validationPairs() < 2 * minimumPerClass;
        if (!small) return null;
        String counts = positives == null ? split.validationPairs() + " validation pairs"
                : positives + " similar and " + negatives + " dissimilar validation pairs";
        return new Caution("Only " + counts + ", below " + minimumPerClass + " of each: the metrics are rough "
                + "(see the ROC-AUC interval); label more pairs before trusting a change.", split.validationPairs(),
                positives, negatives, minimumPerClass);
    }

    /** Each side's metrics with the 95 % interval of its ROC-AUC added (rocAucLow, rocAucHigh). */
    private static Map<String, Object> withIntervals(Map<String, Object> metrics) {
        if (metrics == null) return null;
        Map<String, Object> sides = new LinkedHashMap<>();
        metrics.forEach((side, value) -> sides.put(side, value instanceof Map<?, ?> m ? withInterval(m) : value));
        return sides;
    }

    private static Map<String, Object> withInterval(Map<?, ?> side) {
        Map<String, Object> copy = new LinkedHashMap<>();
        side.forEach((k, v) -> copy.put(String.valueOf(k), v));
        Integer positives = count(side.get("positives"));
        Integer negatives = count(side.get("negatives"));
        if (side.get("rocAuc") instanceof Number auc && positives != null && negatives != null) {
            AucInterval interval = AucInterval.of95(auc.doubleValue(), positives, negatives);
            if (interval != null) {
                copy.put("rocAucLow", interval.low());
                copy.put("rocAucHigh", interval.high());
            }
        }
        return copy;
    }

    private static Integer count(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}

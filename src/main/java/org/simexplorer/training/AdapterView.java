package org.simexplorer.training;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.simexplorer.evaluation.PairSplit;
import org.simexplorer.labels.MetricsView;

/**
 * The JSON shape of an adapter, as GET /api/adapters/{id} and the progress events give it.
 *
 * @param model  the adapter's model id, {@code <base>:<name>}
 * @param rank   "full", "diagonal" or the rank as a number
 * @param status queued, running, done, failed or cancelled
 * @param curve  a point every 10 steps and at step 0
 * @param before metrics at step 0 ({"training", "validation"}, each with the fields of the dataset's /metrics)
 * @param after  metrics at the best step, once done
 */
record AdapterView(long id, String model, String base, Long datasetId, String name, String loss,
        Map<String, Double> params,
        @Schema(description = "\"full\", \"diagonal\" or the rank r", oneOf = {String.class, Integer.class}) Object rank,
        String status, int step, int steps, Integer bestStep,
        double learningRate, double regularization, double validationFraction, long seed, int dimension,
        PairSplit.Counts split, List<CurvePoint> curve,
        @Schema(description = METRICS, additionalPropertiesSchema = MetricsView.class) Map<String, Object> before,
        @Schema(description = METRICS, additionalPropertiesSchema = MetricsView.class) Map<String, Object> after,
        String failure) {

    static final String METRICS = "\"training\" and \"validation\", each with the fields of the dataset's /metrics";

    /** The stored row, overlaid with the live state of a running training when that is ahead of the row. */
    static AdapterView of(AdapterRecord a, LiveTrainings.Live live) {
        boolean ahead = live != null && live.step >= a.step() && !live.curve.isEmpty();
        Object rank = a.rank().matches("[0-9]+") ? (Object) Integer.parseInt(a.rank()) : a.rank();
        return new AdapterView(a.id(), a.modelId(), a.base(), a.datasetId(), a.name(), a.loss(), a.params(), rank,
                a.status().wire(), ahead ? live.step : a.step(), a.steps(), ahead ? (Integer) live.bestStep
                : a.bestStep(), a.learningRate(), a.regularization(), a.validationFraction(), a.seed(),
                a.outputDimension(), a.split(), ahead ? live.curve : a.curve(),
                a.before() == null && live != null ? live.before : a.before(), a.after(), a.failure());
    }
}

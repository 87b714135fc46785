package org.simexplorer.labels;

import java.util.LinkedHashMap;
import java.util.Map;
import org.simexplorer.evaluation.BinaryClassificationMetrics;

/** Metrics as {@code GET /api/datasets/{id}/metrics} shows them: flat, with null where a rate is undefined. */
public final class MetricsView {

    private MetricsView() {
    }

    public static Map<String, Object> of(BinaryClassificationMetrics m) {
        boolean ranked = m.pairs() >= 2;
        boolean f1Defined = m.positives() > 0 && ranked;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pairs", m.pairs());
        body.put("positives", m.positives());
        body.put("negatives", m.negatives());
        body.put("rocAuc", finite(m.rocAuc()));
        body.put("averagePrecision", finite(m.averagePrecision()));
        body.put("accuracy", ranked ? m.accuracy() : null);
        body.put("accuracyThreshold", ranked && m.accuracyThreshold() != -1 ? m.accuracyThreshold() : null);
        body.put("f1", f1Defined ? m.f1() : null);
        body.put("f1Threshold", f1Defined ? m.f1Threshold() : null);
        body.put("precision", f1Defined ? m.precision() : null);
        body.put("recall", f1Defined ? m.recall() : null);
        return body;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

package org.simexplorer.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of an adapter, as GET /api/adapters/{id} and the progress events give it. */
final class AdapterViews {

    private AdapterViews() {
    }

    static Map<String, Object> view(AdapterRecord a, LiveTrainings.Live live) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", a.id());
        body.put("model", a.modelId());
        body.put("base", a.base());
        body.put("datasetId", a.datasetId());
        body.put("name", a.name());
        body.put("loss", a.loss());
        body.put("params", a.params());
        body.put("rank", a.rank().matches("[0-9]+") ? (Object) Integer.parseInt(a.rank()) : a.rank());
        body.put("status", a.status().wire());
        boolean ahead = live != null && live.step >= a.step() && !live.curve.isEmpty();
        body.put("step", ahead ? live.step : a.step());
        body.put("steps", a.steps());
        body.put("bestStep", ahead ? (Integer) live.bestStep : a.bestStep());
        body.put("learningRate", a.learningRate());
        body.put("regularization", a.regularization());
        body.put("validationFraction", a.validationFraction());
        body.put("seed", a.seed());
        body.put("dimension", a.outputDimension());
        body.put("split", a.split());
        body.put("curve", ahead ? live.curve : a.curve());
        body.put("before", a.before() == null && live != null ? live.before : a.before());
        body.put("after", a.after());
        body.put("failure", a.failure());
        return body;
    }
}

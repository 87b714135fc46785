package org.simexplorer.training;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.simexplorer.evaluation.PairSplit;

/** Adapter rows with known contents, for tests that store them directly instead of training. */
final class TestAdapters {

    static final String BASE = "all-minilm-l6-v2";
    static final int D = 384;

    private TestAdapters() {
    }

    static final List<CurvePoint> CURVE = List.of(new CurvePoint(0, 0.91, 0.83, 0.61, 1.0),
            new CurvePoint(10, 0.72, 0.75, 0.66, 1.02), new CurvePoint(20, 0.64, null, 0.64, 1.05));

    static Map<String, Object> metrics(double rocAuc) {
        return Map.of("training", Map.of("pairs", 6, "rocAuc", rocAuc, "threshold", 0.42),
                "validation", Map.of("pairs", 2, "rocAuc", rocAuc - 0.1));
    }

    /** A finished contrastive adapter trained for 20 steps, best at step 10, D×D on MiniLM. */
    static AdapterRecord done(Long datasetId, String name) {
        return new AdapterRecord(0, datasetId, BASE, name, "contrastive", Map.of("margin", 0.3), "full", 20, 0.01,
                0.002, 0.25, 7L, new PairSplit.Counts(6, 2, 1), AdapterRecord.Status.DONE, 20, 10, CURVE,
                metrics(0.6), metrics(0.7), null, D, D);
    }

    /** As {@link #done} but just queued: no progress, no metrics. */
    static AdapterRecord queued(Long datasetId, String name) {
        AdapterRecord d = done(datasetId, name);
        return new AdapterRecord(0, datasetId, BASE, name, d.loss(), d.params(), d.rank(), d.steps(),
                d.learningRate(), d.regularization(), d.validationFraction(), d.seed(), d.split(),
                AdapterRecord.Status.QUEUED, 0, null, List.of(), null, null, null, D, D);
    }

    /** W = I + small seeded noise, row-major D×D: it changes every cosine a little. */
    static float[] weights(long seed) {
        Random random = new Random(seed);
        float[] w = new float[D * D];
        for (int k = 0; k < w.length; k++) w[k] = (float) (random.nextGaussian() * 0.08);
        for (int k = 0; k < D; k++) w[k * D + k] += 1f;
        return w;
    }
}

package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import java.util.List;
import java.util.Map;

/**
 * One row of the adapters table, without W. The model id of a finished adapter is {@link #modelId()}.
 *
 * @param params the loss parameters after defaults, by name
 * @param rank   "full", "diagonal" or the rank's digits
 * @param before metrics at step 0 ({"training", "validation"}), or null before the training starts
 * @param after  metrics at the best step, or null until done
 */
record AdapterRecord(long id, Long datasetId, String base, String name, String loss, Map<String, Double> params,
        String rank, int steps, double learningRate, double regularization, double validationFraction, long seed,
        PairSplit.Counts split, Status status, int step, Integer bestStep, List<CurvePoint> curve,
        Map<String, Object> before, Map<String, Object> after, String failure, int dimension, int outputDimension) {

    enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    String modelId() {
        return base + ":" + name;
    }
}

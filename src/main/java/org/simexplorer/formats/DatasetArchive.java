package org.simexplorer.formats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.simexplorer.evaluation.PairSplit;

/**
 * A whole dataset as one JSON file ({@code GET /api/datasets/{id}/export}), restored by
 * {@code POST /api/datasets/import} as a new dataset.
 *
 * @param format    always {@link #FORMAT}, so a wrong file is recognised at once
 * @param version   the layout version, {@link #VERSION}
 * @param sentences in dataset order; labels refer to them by index
 * @param adapters  the dataset's finished adapters (W and metadata); empty when it has none
 */
public record DatasetArchive(String format, int version, String name, String model, Instant createdAt,
        List<String> sentences, List<LabelEntry> labels, List<AdapterEntry> adapters) {

    public static final String FORMAT = "similarity-explorer-dataset";
    public static final int VERSION = 1;
    static final String ADAPTER_METRICS = "as GET /api/adapters/{id} gives them: \"training\" and \"validation\","
            + " each with the fields of the dataset's /metrics";

    /** One label with its times; i &lt; j index {@code sentences}, label is +1 or -1. */
    public record LabelEntry(int i, int j, int label, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A finished adapter trained on the dataset's labels. Its base is the dataset's model; its model id there is
     * {@code <model>:<name>}.
     *
     * @param params          the loss parameters after defaults, by name
     * @param rank            "full", "diagonal" or the rank r of W = I + U·Vᵀ as digits
     * @param bestStep        the step whose W was kept
     * @param curve           the training curve, a point every 10 steps and at step 0
     * @param before          metrics at step 0: {"training", "validation"}, each with the fields of /metrics
     * @param after           metrics at the best step, in the same shape
     * @param dimension       D, the base model's dimension (the rows of W)
     * @param outputDimension K, the columns of W
     * @param weights         base64 of W as float32 little-endian, row-major D×K
     */
    public record AdapterEntry(String name, String loss, Map<String, Double> params, String rank, int steps,
            double learningRate, double regularization, double validationFraction, long seed, PairSplit.Counts split,
            Integer bestStep, List<CurveEntry> curve,
            @Schema(description = ADAPTER_METRICS, additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> before,
            @Schema(description = ADAPTER_METRICS, additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> after,
            int dimension, int outputDimension, String weights, Instant createdAt, Instant updatedAt) {
    }

    /** One point of an adapter's training curve, as {@code GET /api/adapters/{id}} shows it. */
    public record CurveEntry(int step, Double trainLoss, Double validationLoss, Double validationAuc,
            double meanNorm) {
    }
}

package org.simexplorer.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/loss}. Lists stay raw so that a wrong type is reported, not coerced.
 *
 * @param pairContributions false to leave the per-pair list out (it has n(n−1)/2 entries when fully labelled)
 * @param adapter           optional W (D×K): the loss is then taken on E·W
 */
record LossRequest(@Schema(requiredMode = REQUIRED, example = "cosent") String loss,
                   @Schema(description = "the loss's parameters by name, e.g. {\"margin\": 0.3}",
                           additionalPropertiesSchema = Double.class)
                   Map<String, Object> params,
                   @Schema(description = "true to add dLoss/dE") Boolean gradient,
                   @ArraySchema(schema = @Schema(implementation = double[].class, description = "one row of numbers"))
                   List<Object> embeddings,
                   @ArraySchema(schema = @Schema(implementation = String.class)) List<Object> sentences,
                   @Schema(description = "a catalogue id for 'sentences'; the default model when absent")
                   String model,
                   @ArraySchema(schema = @Schema(implementation = int[].class, description = "a row of +1, -1 or 0"))
                   List<Object> target,
                   @ArraySchema(schema = @Schema(implementation = Pair.class)) List<Object> pairs,
                   @Schema(description = "false to leave the per-pair list out", defaultValue = "true")
                   Boolean pairContributions,
                   @ArraySchema(schema = @Schema(implementation = double[].class, description = "a row of W (D×K)"))
                   List<Object> adapter) {

    /** One labelled pair in 'pairs', as the API document shows it. */
    record Pair(int i, int j, @Schema(allowableValues = {"1", "-1", "0"}) int label) {
    }
}

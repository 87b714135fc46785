package org.simexplorer.loss;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A loss evaluated on one batch, as {@code POST /api/loss} returns it.
 *
 * @param gradient          ∂loss/∂E, n×d, or null when not asked for
 * @param pairContributions each labelled pair's additive share of the value, or null when not asked for or
 *                          not defined for this loss
 * @param adapterGradient   ∂loss/∂W, D×K, when the loss was taken through an adapter W; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LossResult(String loss, double value, int labelledPairs, Map<String, Double> params,
                         float[][] gradient, List<PairContribution> pairContributions, float[][] adapterGradient) {

    /** A loss on the embeddings as given, with no adapter. */
    public LossResult(String loss, double value, int labelledPairs, Map<String, Double> params, float[][] gradient,
                      List<PairContribution> pairContributions) {
        this(loss, value, labelledPairs, params, gradient, pairContributions, null);
    }
}

package org.simexplorer.loss;

import java.util.List;

/**
 * A loss over labelled pairs, written once as a function of the pairs' scores s_p: the cosine S_ij of each
 * labelled pair, or its raw dot product z_ij when {@link #usesRawDotProducts()}. The evaluators
 * ({@link SparsePairLossEvaluator}, {@link PairLossEvaluator}, {@link AdapterLossEvaluator}) build the scores
 * and carry ∂L/∂s_p back to the embeddings.
 */
public interface PairLoss {

    String id();

    /** The definition in words and symbols, for {@code GET /api/losses}. */
    String formula();

    List<LossParameter> parameters();

    /** Whether the value is a sum of per-pair terms, so that each pair's share can be reported. */
    boolean hasPairContributions();

    /** True for a loss on E Eᵀ (no row normalisation). */
    default boolean usesRawDotProducts() {
        return false;
    }

    /**
     * @param pairs         the P labelled pairs (at least one)
     * @param scores        s_p for each pair p, in the order of {@code pairs}
     * @param gradient      null, or a zeroed array of P that receives ∂L/∂s_p
     * @param contributions null, or an array of P that receives each pair's additive share of the value (only
     *                      when {@link #hasPairContributions()})
     * @return the loss value
     * @throws org.simexplorer.errors.UndefinedException when the loss is undefined on these pairs
     */
    double compute(LabelledPairs pairs, double[] scores, LossParameters params, double[] gradient,
                   double[] contributions);
}

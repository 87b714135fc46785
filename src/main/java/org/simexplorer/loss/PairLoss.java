package org.simexplorer.loss;

import org.simexplorer.errors.DomainException;
import java.util.List;

/**
 * A loss over the labelled pairs of a ±1 target, written as a function of a score matrix: the cosine
 * matrix S, or the raw dot products E Eᵀ when {@link #usesRawDotProducts()}. {@link PairLossEvaluator}
 * builds the scores and carries the loss's ∂L/∂scores back to ∂L/∂E.
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
     * @param scores        n×n row-major scores (S, or E Eᵀ)
     * @param gradient      null, or a zeroed n×n array that receives ∂L/∂scores[i·n+j], each entry taken as a
     *                      free variable; the caller accounts for the symmetry of the scores
     * @param contributions null, or an n×n array that receives, at [i·n+j] with i &lt; j, each labelled pair's
     *                      additive share of the value (only when {@link #hasPairContributions()})
     * @return the loss value
     * @throws org.simexplorer.errors.DomainException 422 when the loss is undefined for this target
     */
    double compute(float[] scores, PairTarget target, LossParameters params, float[] gradient, double[] contributions);
}

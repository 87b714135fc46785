package org.simexplorer.loss;

/**
 * A loss's dense form, for a block in which most pairs are labelled: the value from passes over the block's rows
 * ({@link GramRows}), and G = ∂L/∂S left in the block's gradient when one is wanted. Each loss gives the same value
 * and gradient here as its per-pair {@link PairLoss#compute}, up to rounding; for a loss on raw dot products the
 * scores are still the cosines, and G is ∂L/∂z.
 */
interface GramLoss {

    /**
     * @throws org.simexplorer.errors.UndefinedException when the loss is undefined on these pairs
     */
    double onGram(GramRows rows, LossParameters params);
}

package org.simexplorer.loss;

/**
 * One labelled pair's additive share of a loss value; the shares of all labelled pairs sum to the value.
 *
 * @param similarity the cosine similarity S_ij
 */
public record PairContribution(int i, int j, int label, double similarity, double contribution) {
}

package org.simexplorer.loss;

/**
 * A loss taken on E·W.
 *
 * @param adapterGradient   ∂L/∂W, D × K
 * @param embeddingGradient ∂L/∂E through W, n × D, or null when not asked for
 */
public record AdapterLossResult(double value, float[][] adapterGradient, float[][] embeddingGradient) {
}

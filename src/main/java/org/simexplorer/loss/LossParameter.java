package org.simexplorer.loss;

/**
 * A tunable constant of a loss.
 *
 * @param mustBePositive true when the loss divides by it or it only makes sense above zero
 */
public record LossParameter(String name, double defaultValue, String description, boolean mustBePositive) {
}

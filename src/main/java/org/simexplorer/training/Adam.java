package org.simexplorer.training;

/**
 * Adam (Kingma and Ba) with the usual β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ and bias correction, updating a flat
 * parameter vector in place.
 */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final float[] firstMoment;
    private final float[] secondMoment;
    private int steps;

    Adam(int parameters, double learningRate) {
        this(learningRate, new float[parameters], new float[parameters], 0);
    }

    /** Adam resumed from a stored state: the moments (taken, not copied) and the updates made so far. */
    Adam(double learningRate, float[] firstMoment, float[] secondMoment, int steps) {
        if (firstMoment.length != secondMoment.length) {
            throw new IllegalArgumentException("Adam's moments differ in length: " + firstMoment.length + " and "
                    + secondMoment.length);
        }
        this.learningRate = learningRate;
        this.firstMoment = firstMoment;
        this.secondMoment = secondMoment;
        this.steps = steps;
    }

    /** Updates made so far. */
    int steps() {
        return steps;
    }

    float[] firstMoment() {
        return firstMoment.clone();
    }

    float[] secondMoment() {
        return secondMoment.clone();
    }

    void step(float[] parameters, float[] gradient) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        double stepSize = learningRate * Math.sqrt(correction2) / correction1;
        // ε scaled as in the bias-corrected form: lr·m̂/(√v̂ + ε) = stepSize·m/(√v + ε·√correction2).
        double epsilon = EPSILON * Math.sqrt(correction2);
        for (int k = 0; k < parameters.length; k++) {
            float g = gradient[k];
            float m = (float) (BETA1 * firstMoment[k] + (1 - BETA1) * g);
            float v = (float) (BETA2 * secondMoment[k] + (1 - BETA2) * g * g);
            firstMoment[k] = m;
            secondMoment[k] = v;
            parameters[k] -= (float) (stepSize * m / (Math.sqrt(v) + epsilon));
        }
    }
}

package org.simexplorer.loss;

/** Stable scalar pieces shared by the losses. */
final class LossMath {

    private LossMath() {
    }

    /** log(1 + eˣ) without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** 1 / (1 + e⁻ˣ), evaluated on the side where the exponential cannot overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}

package org.simexplorer.loss;

/**
 * A loss that is the mean over labelled pairs of a term in one score and its label. The subclasses give
 * only the term; the loop over the upper triangle, the gradient and the per-pair shares live here once.
 */
abstract class MeanPairLoss implements PairLoss {

    /** The term of one pair, for one request's parameters. */
    @FunctionalInterface
    interface PairTerm {
        /**
         * @param score  S_ij (or z_ij for a raw-dot-product loss)
         * @param label  T_ij, +1 or −1
         * @param slope  receives ∂term/∂score in slot 0
         * @return the term
         */
        double at(double score, int label, double[] slope);
    }

    /** Reads the parameters once per request and returns the term they define. */
    abstract PairTerm term(LossParameters params);

    @Override
    public final boolean hasPairContributions() {
        return true;
    }

    @Override
    public final double compute(float[] s, PairTarget target, LossParameters params, float[] gradient,
            double[] contributions) {
        PairTerm term = term(params);
        int n = target.size();
        byte[] t = target.labels();
        double inv = 1.0 / target.labelledPairs();
        double sum = LossMath.sumRows(n, true, i -> {
            double[] slope = new double[1];
            int row = i * n;
            double rowSum = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                double value = term.at(s[row + j], label, slope);
                rowSum += value;
                if (gradient != null) gradient[row + j] = (float) (slope[0] * inv);
                if (contributions != null) contributions[row + j] = value * inv;
            }
            return rowSum;
        });
        return sum * inv;
    }
}

package org.simexplorer.loss;

/**
 * A loss that is the mean over labelled pairs of a term in one score and its label. The subclasses give
 * only the term; the loop over the pairs, the gradient and the per-pair shares live here once.
 */
abstract class MeanPairLoss implements PairLoss, GramLoss {

    private static final GramRows.Merge[] ONE_SUM = {GramRows.Merge.SUM};

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

    /**
     * The same term over a row of the dense block: adds the row's terms (0 where T = 0) to {@code acc[0]} and, when
     * {@code row.g} is not null, writes {@code inv}·∂term/∂score to it.
     */
    abstract GramRows.Pass rowTerms(LossParameters params, GramRows rows, double inv);

    @Override
    public final double onGram(GramRows rows, LossParameters params) {
        double inv = 1.0 / rows.pairs();
        return rows.upper(ONE_SUM, rowTerms(params, rows, inv))[0] * inv;
    }

    @Override
    public final boolean hasPairContributions() {
        return true;
    }

    @Override
    public final double compute(LabelledPairs pairs, double[] s, LossParameters params, double[] gradient,
            double[] contributions) {
        PairTerm term = term(params);
        byte[] t = pairs.labels();
        double inv = 1.0 / pairs.size();
        double sum = LossMath.sumChunks(pairs.size(), 20L * pairs.size(), (from, to) -> {
            double[] slope = new double[1];
            double chunkSum = 0;
            for (int p = from; p < to; p++) {
                double value = term.at(s[p], t[p], slope);
                chunkSum += value;
                if (gradient != null) gradient[p] = slope[0] * inv;
                if (contributions != null) contributions[p] = value * inv;
            }
            return chunkSum;
        });
        return sum * inv;
    }
}

package org.simexplorer.loss;

import java.util.ArrayList;
import java.util.List;
import org.simexplorer.similarity.MatrixProduct;

/**
 * Losses, per-pair contributions and ∂L/∂E over the P labelled pairs only: O(P·D) time, and no rows × rows array
 * anywhere. The scores come from {@link PairScores}; each loss turns them into a value and ∂L/∂s_p; the pairs
 * carry that back to the rows they join. Safe for concurrent use.
 */
public class SparsePairLossEvaluator {

    /**
     * The pairs must fill about 1/32 of the touched rows' m × m block before the dense route ({@link PairGram}: two
     * products of those rows and passes over the block) beats P separate dot products; {@code bench similarity}
     * measures both routes at several shares (keys {@code route_share_*}).
     */
    static final int GRAM_ROUTE_DENSITY = 32;

    private final MatrixProduct product;
    private final int gramRouteDensity;

    public SparsePairLossEvaluator(MatrixProduct product) {
        this(product, GRAM_ROUTE_DENSITY);
    }

    /**
     * For tests and {@code bench similarity}, which compare the routes.
     *
     * @param gramRouteDensity take the dense route when P·density ≥ m²; 0 never, {@link Integer#MAX_VALUE} always
     */
    public SparsePairLossEvaluator(MatrixProduct product, int gramRouteDensity) {
        this.product = product;
        this.gramRouteDensity = gramRouteDensity;
    }

    /**
     * @throws org.simexplorer.errors.UndefinedException when nothing is labelled or the loss is undefined here
     * @throws IllegalArgumentException when the pairs were built for a different number of rows
     */
    public LossResult evaluate(float[][] embeddings, LabelledPairs pairs, PairLoss loss, LossParameters params,
                               boolean gradient, boolean contributions) {
        try (PairScores scores = scores(embeddings, pairs)) {
            return evaluate(scores, loss, params, gradient, contributions);
        }
    }

    /**
     * The pairs' scores, to evaluate several losses on the same embeddings and labels; close them when done.
     *
     * @throws org.simexplorer.errors.UndefinedException when nothing is labelled
     */
    public PairScores scores(float[][] embeddings, LabelledPairs pairs) {
        if (pairs.rows() != embeddings.length) {
            throw new IllegalArgumentException("the pairs are over " + pairs.rows() + " rows, the embeddings have "
                    + embeddings.length);
        }
        pairs.requireAny();
        PairRuns runs = PairRuns.of(pairs);
        return PairScores.compute(embeddings, pairs, runs, product, useGramRoute(pairs, runs.slot()));
    }

    /** One loss on scores computed before; see {@link #evaluate(float[][], LabelledPairs, PairLoss, LossParameters, boolean, boolean)}. */
    public LossResult evaluate(PairScores scores, PairLoss loss, LossParameters params, boolean gradient,
                               boolean contributions) {
        LabelledPairs pairs = scores.pairs();
        double[] shares = contributions && loss.hasPairContributions() ? new double[pairs.size()] : null;
        double value;
        float[][] dLdE;
        if (scores.onGram() && loss instanceof GramLoss onGram) {
            if (shares != null) loss.compute(pairs, scores.scoresFor(loss), params, null, shares);
            PairScores.GramEvaluation evaluated = scores.evaluateOnGram(onGram, params, gradient,
                    loss.usesRawDotProducts(), product);
            value = evaluated.value();
            dLdE = evaluated.gradient();
        } else {
            double[] slopes = gradient ? new double[pairs.size()] : null;
            value = loss.compute(pairs, scores.scoresFor(loss), params, slopes, shares);
            dLdE = gradient ? scores.backward(slopes, loss.usesRawDotProducts()) : null;
        }
        List<PairContribution> listed = shares == null ? null : contributions(scores, shares);
        return new LossResult(loss.id(), value, pairs.size(), params.asMap(), dLdE, listed);
    }

    private boolean useGramRoute(LabelledPairs pairs, int[] slot) {
        if (gramRouteDensity <= 0) return false;
        long touched = 0;
        for (int s : slot) touched += s >= 0 ? 1 : 0;
        return (long) pairs.size() * gramRouteDensity >= touched * touched;
    }

    private static List<PairContribution> contributions(PairScores scores, double[] shares) {
        LabelledPairs pairs = scores.pairs();
        double[] cosines = scores.cosines();
        List<PairContribution> listed = new ArrayList<>(pairs.size());
        for (int p = 0; p < pairs.size(); p++) {
            listed.add(new PairContribution(pairs.first()[p], pairs.second()[p], pairs.labels()[p], cosines[p],
                    shares[p]));
        }
        return listed;
    }
}

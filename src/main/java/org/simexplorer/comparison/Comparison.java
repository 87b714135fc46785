package org.simexplorer.comparison;

import java.util.List;
import org.simexplorer.datasetloss.DatasetLosses;
import org.simexplorer.evaluation.PairMetrics;

/**
 * The answer of {@code GET /api/datasets/{id}/comparison}.
 *
 * @param pairsCompared     the number of sentence pairs behind spearmanWithFirst: all pairs, or the seeded sample
 *                          above {@link ComparisonService#MAX_PAIRS}
 * @param disagreementPairs the candidate pairs the disagreements are ranked among: each pair that the first or
 *                          the second model puts among a sentence's top {@link ComparisonService#DISAGREEMENT_NEIGHBOURS}
 *                          neighbours, for every sentence or a seeded {@link ComparisonService#DISAGREEMENT_SENTENCES}
 */
public record Comparison(List<ModelResult> models, int pairsCompared, int disagreementPairs,
        List<Disagreement> disagreements) {

    /**
     * @param metrics           the same fields as {@code /metrics} under this model
     * @param losses            the same shape as {@code /losses} under this model
     * @param spearmanWithFirst Spearman correlation of this model's cosines with the first model's over the
     *                          compared pairs; null when undefined (fewer than two pairs, or constant cosines)
     */
    public record ModelResult(String model, PairMetrics metrics, DatasetLosses.AllLosses losses,
            Double spearmanWithFirst) {
    }

    /**
     * @param cosines        the pair's cosine under each model, in the order of {@code models}
     * @param rankDifference its ascending cosine rank among the candidate pairs under the second model minus that
     *                       under the first: positive when the second model finds the pair relatively more similar
     */
    public record Disagreement(int i, int j, float[] cosines, double rankDifference) {
    }
}

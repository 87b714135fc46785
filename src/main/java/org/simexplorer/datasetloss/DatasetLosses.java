package org.simexplorer.datasetloss;

import org.simexplorer.labels.LabelRepository;
import java.util.List;
import java.util.Map;
import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.evaluation.PairClassificationEvaluator;
import org.simexplorer.evaluation.PairMetrics;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LabelledPairs;
import org.simexplorer.loss.LossResult;
import org.simexplorer.loss.LossService;
import org.simexplorer.loss.LossService.LossValue;
import org.simexplorer.loss.SparsePairLossEvaluator;
import org.springframework.stereotype.Service;

/**
 * Losses and metrics of a dataset's labels, read from its embeddings in memory and its labelled pairs only: the
 * work grows with the labels, and the N × N cosine matrix is never built for it.
 */
@Service
public class DatasetLosses {

    private final LabelRepository labels;
    private final DatasetEmbeddings embeddings;
    private final LossService losses;
    private final SparsePairLossEvaluator evaluator;

    DatasetLosses(LabelRepository labels, DatasetEmbeddings embeddings, LossService losses,
            SparsePairLossEvaluator evaluator) {
        this.labels = labels;
        this.embeddings = embeddings;
        this.losses = losses;
        this.evaluator = evaluator;
    }

    /** Every loss at once, as {@code GET /api/datasets/{id}/losses} answers. */
    public record AllLosses(String model, int labelledPairs, List<LossValue> losses) {
    }

    /**
     * @param overrides parameters by loss id, then by name
     * @throws org.simexplorer.errors.NotFoundException no such dataset
     * @throws org.simexplorer.errors.InvalidInputException an override names an unknown loss or a bad parameter
     */
    public AllLosses all(long datasetId, Map<String, ? extends Map<String, ?>> overrides) {
        return all(datasetId, overrides, null);
    }

    /** As {@link #all(long, Map)} under another catalogue model (an adapter, say); null for the dataset's own. */
    public AllLosses all(long datasetId, Map<String, ? extends Map<String, ?>> overrides, String model) {
        Embeddings vectors = vectors(datasetId, model);
        LabelledPairs pairs = pairs(datasetId, vectors);
        return new AllLosses(vectors.model(), pairs.size(), losses.evaluateAll(vectors.vectors(), pairs, overrides));
    }

    /** One loss with its per-pair contributions, and ∂L/∂E when asked, as {@code POST /api/loss} computes it. */
    public LossResult loss(long datasetId, String lossId, Map<String, ?> params, boolean gradient,
            boolean pairContributions) {
        return loss(datasetId, lossId, params, gradient, pairContributions, null);
    }

    /** As the other loss method, under another catalogue model; null for the dataset's own. */
    public LossResult loss(long datasetId, String lossId, Map<String, ?> params, boolean gradient,
            boolean pairContributions, String model) {
        Embeddings vectors = vectors(datasetId, model);
        return losses.evaluate(vectors.vectors(), pairs(datasetId, vectors), lossId, params, gradient,
                pairContributions);
    }

    /**
     * Metrics of the cosine on the labelled pairs. With no labels, or with one class only, the undefined
     * rates are null.
     */
    public PairMetrics metrics(long datasetId) {
        return metrics(datasetId, null);
    }

    /** As {@link #metrics(long)} under another catalogue model; null for the dataset's own. */
    public PairMetrics metrics(long datasetId, String model) {
        Embeddings vectors = vectors(datasetId, model);
        LabelledPairs pairs = pairs(datasetId, vectors);
        double[] scores = pairs.size() == 0 ? new double[0] : evaluator.scores(vectors.vectors(), pairs).cosines();
        return PairClassificationEvaluator.evaluate(scores, pairs);
    }

    private Embeddings vectors(long datasetId, String model) {
        return model == null || model.isBlank() ? embeddings.of(datasetId) : embeddings.of(datasetId, model);
    }

    private LabelledPairs pairs(long datasetId, Embeddings vectors) {
        List<LabelledPair> stored = labels.list(datasetId).stream()
                .map(label -> new LabelledPair(label.i(), label.j(), label.label())).toList();
        return LabelledPairs.of(vectors.vectors().length, stored);
    }
}

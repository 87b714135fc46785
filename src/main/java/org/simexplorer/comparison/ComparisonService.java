package org.simexplorer.comparison;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.evaluation.Correlation;
import org.simexplorer.evaluation.PairClassificationEvaluator;
import org.simexplorer.evaluation.PairMetrics;
import org.simexplorer.evaluation.RankDisagreement;
import org.simexplorer.datasetloss.DatasetLosses;
import org.simexplorer.labels.LabelRepository;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LabelledPairs;
import org.simexplorer.loss.LossService;
import org.simexplorer.loss.SparsePairLossEvaluator;
import org.simexplorer.similarity.PairSample;
import org.springframework.stereotype.Service;

/** Puts 2 to 4 models side by side on one dataset's sentences and labels. */
@Service
public class ComparisonService {

    /** Above this many sentence pairs, correlation and disagreements use a seeded sample of this size. */
    public static final int MAX_PAIRS = 200_000;
    static final int DISAGREEMENTS = 50;
    private static final long SAMPLE_SEED = 0;

    private final DatasetService datasets;
    private final DatasetEmbeddings embeddings;
    private final LabelRepository labels;
    private final ModelCatalog catalog;
    private final LossService losses;
    private final SparsePairLossEvaluator evaluator;

    ComparisonService(DatasetService datasets, DatasetEmbeddings embeddings, LabelRepository labels,
            ModelCatalog catalog, LossService losses, SparsePairLossEvaluator evaluator) {
        this.datasets = datasets;
        this.embeddings = embeddings;
        this.labels = labels;
        this.catalog = catalog;
        this.losses = losses;
        this.evaluator = evaluator;
    }

    /**
     * @throws org.simexplorer.errors.NotFoundException a missing dataset, or an unknown model (listing the known ids)
     * @throws InvalidInputException                    fewer than 2 or more than 4 models, or one named twice
     */
    public Comparison compare(long datasetId, List<String> models) {
        checkCount(models);
        datasets.get(datasetId);
        models.forEach(catalog::find);
        List<float[][]> vectors = new ArrayList<>();
        // Kept in memory per (dataset, model) like the page's own embeddings: a second comparison reads no table.
        for (String model : models) vectors.add(embeddings.of(datasetId, model).vectors());
        LabelledPairs pairs = LabelledPairs.of(vectors.get(0).length, labels.list(datasetId).stream()
                .map(l -> new LabelledPair(l.i(), l.j(), l.label())).toList());
        PairSample sample = PairSample.of(vectors.get(0).length, MAX_PAIRS, SAMPLE_SEED);
        List<float[]> cosines = vectors.stream().map(sample::cosines).toList();
        double[] firstRanks = Correlation.ranks(cosines.get(0));
        List<Comparison.ModelResult> results = new ArrayList<>();
        double[] secondRanks = null;
        for (int m = 0; m < models.size(); m++) {
            double[] ranks = m == 0 ? firstRanks : Correlation.ranks(cosines.get(m));
            if (m == 1) secondRanks = ranks;
            float[][] modelVectors = vectors.get(m);
            results.add(new Comparison.ModelResult(models.get(m), metrics(modelVectors, pairs),
                    new DatasetLosses.AllLosses(models.get(m), pairs.size(),
                            losses.evaluateAll(modelVectors, pairs, Map.of())),
                    spearman(firstRanks, ranks)));
        }
        List<Comparison.Disagreement> disagreements = new ArrayList<>();
        for (RankDisagreement.Item item : RankDisagreement.top(firstRanks, secondRanks, DISAGREEMENTS)) {
            float[] pairCosines = new float[models.size()];
            for (int m = 0; m < models.size(); m++) pairCosines[m] = cosines.get(m)[item.item()];
            disagreements.add(new Comparison.Disagreement(sample.first()[item.item()], sample.second()[item.item()],
                    pairCosines, item.rankDifference()));
        }
        return new Comparison(results, sample.size(), disagreements);
    }

    private static void checkCount(List<String> models) {
        if (models.size() < 2 || models.size() > 4) {
            throw new InvalidInputException("Compare 2 to 4 models, not " + models.size()
                    + ": give ?models=a,b[,c,d].").with("models", models);
        }
        Set<String> seen = new HashSet<>();
        for (String model : models) {
            if (!seen.add(model)) {
                throw new InvalidInputException("The model '" + model + "' is listed twice.").with("models", models);
            }
        }
    }

    /** As {@code /metrics}: the cosine of each labelled pair under these embeddings. */
    private PairMetrics metrics(float[][] vectors, LabelledPairs pairs) {
        double[] scores = pairs.size() == 0 ? new double[0] : evaluator.scores(vectors, pairs).cosines();
        return PairClassificationEvaluator.evaluate(scores, pairs);
    }

    private static Double spearman(double[] firstRanks, double[] ranks) {
        if (firstRanks.length < 2) return null;
        double value = Correlation.pearson(firstRanks, ranks);
        return Double.isFinite(value) ? value : null;
    }
}

package org.simexplorer.comparison;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.dataset.DatasetNeighbours;
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
import org.simexplorer.similarity.NeighbourPairs;
import org.simexplorer.similarity.PairSample;
import org.springframework.stereotype.Service;

/** Puts 2 to 4 models side by side on one dataset's sentences and labels. */
@Service
public class ComparisonService {

    /** Above this many sentence pairs, the correlation uses a seeded sample of this size. */
    public static final int MAX_PAIRS = 200_000;
    static final int DISAGREEMENTS = 50;
    /** Disagreements are drawn from the top-k lists of this many seeded sentences (all of them below it). */
    public static final int DISAGREEMENT_SENTENCES = 2_000;
    public static final int DISAGREEMENT_NEIGHBOURS = 10;
    private static final long SAMPLE_SEED = 0;

    private final DatasetService datasets;
    private final DatasetEmbeddings embeddings;
    private final DatasetNeighbours neighbours;
    private final LabelRepository labels;
    private final ModelCatalog catalog;
    private final LossService losses;
    private final SparsePairLossEvaluator evaluator;

    ComparisonService(DatasetService datasets, DatasetEmbeddings embeddings, DatasetNeighbours neighbours,
            LabelRepository labels, ModelCatalog catalog, LossService losses, SparsePairLossEvaluator evaluator) {
        this.datasets = datasets;
        this.embeddings = embeddings;
        this.neighbours = neighbours;
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
        for (int m = 0; m < models.size(); m++) {
            double[] ranks = m == 0 ? firstRanks : Correlation.ranks(cosines.get(m));
            float[][] modelVectors = vectors.get(m);
            results.add(new Comparison.ModelResult(models.get(m), metrics(modelVectors, pairs),
                    new DatasetLosses.AllLosses(models.get(m), pairs.size(),
                            losses.evaluateAll(modelVectors, pairs, Map.of())),
                    spearman(firstRanks, ranks)));
        }
        NeighbourPairs candidates = candidates(datasetId, models.get(0), models.get(1));
        return new Comparison(results, sample.size(), candidates.pairs().size(),
                disagreements(candidates.pairs(), vectors));
    }

    /**
     * The pairs either of the first two models puts among a sentence's top {@link #DISAGREEMENT_NEIGHBOURS}, for
     * {@link #DISAGREEMENT_SENTENCES} seeded sentences (the same ones under both): sample·k·2 pairs at most.
     */
    NeighbourPairs candidates(long datasetId, String first, String second) {
        DatasetNeighbours.SampledNeighbours a = neighbours.ofSample(datasetId, first, DISAGREEMENT_SENTENCES,
                DISAGREEMENT_NEIGHBOURS, SAMPLE_SEED);
        DatasetNeighbours.SampledNeighbours b = neighbours.ofSample(datasetId, second, DISAGREEMENT_SENTENCES,
                DISAGREEMENT_NEIGHBOURS, SAMPLE_SEED);
        return NeighbourPairs.union(a.rows(), a.lists(), b.lists());
    }

    /** The candidates whose ascending cosine rank among the candidates differs most between the first two models. */
    public static List<Comparison.Disagreement> disagreements(PairSample candidates, List<float[][]> vectors) {
        List<float[]> cosines = vectors.stream().map(candidates::cosines).toList();
        double[] firstRanks = Correlation.ranks(cosines.get(0));
        double[] secondRanks = Correlation.ranks(cosines.get(1));
        List<Comparison.Disagreement> disagreements = new ArrayList<>();
        for (RankDisagreement.Item item : RankDisagreement.top(firstRanks, secondRanks, DISAGREEMENTS)) {
            float[] pairCosines = new float[vectors.size()];
            for (int m = 0; m < vectors.size(); m++) pairCosines[m] = cosines.get(m)[item.item()];
            disagreements.add(new Comparison.Disagreement(candidates.first()[item.item()],
                    candidates.second()[item.item()], pairCosines, item.rankDifference()));
        }
        return disagreements;
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

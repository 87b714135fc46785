package org.simexplorer.comparison;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.evaluation.BinaryClassificationMetrics;
import org.simexplorer.evaluation.Correlation;
import org.simexplorer.evaluation.RankDisagreement;
import org.simexplorer.labels.Label;
import org.simexplorer.labels.LabelRepository;
import org.simexplorer.labels.MetricsView;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LossDescription;
import org.simexplorer.loss.LossResult;
import org.simexplorer.loss.LossService;
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
    private final LabelRepository labels;
    private final ModelCatalog catalog;
    private final LossService losses;

    ComparisonService(DatasetService datasets, LabelRepository labels, ModelCatalog catalog, LossService losses) {
        this.datasets = datasets;
        this.labels = labels;
        this.catalog = catalog;
        this.losses = losses;
    }

    /**
     * @throws org.simexplorer.errors.NotFoundException a missing dataset, or an unknown model (listing the known ids)
     * @throws InvalidInputException                    fewer than 2 or more than 4 models, or one named twice
     */
    public Comparison compare(long datasetId, List<String> models) {
        checkCount(models);
        datasets.get(datasetId);
        models.forEach(catalog::find);
        List<Label> labelled = labels.list(datasetId);
        List<float[][]> vectors = new ArrayList<>();
        for (String model : models) vectors.add(datasets.embeddings(datasetId, model).vectors());
        PairSample sample = PairSample.of(vectors.get(0).length, MAX_PAIRS, SAMPLE_SEED);
        List<float[]> cosines = vectors.stream().map(sample::cosines).toList();
        double[] firstRanks = Correlation.ranks(cosines.get(0));
        List<Comparison.ModelResult> results = new ArrayList<>();
        double[] secondRanks = null;
        for (int m = 0; m < models.size(); m++) {
            double[] ranks = m == 0 ? firstRanks : Correlation.ranks(cosines.get(m));
            if (m == 1) secondRanks = ranks;
            results.add(new Comparison.ModelResult(models.get(m), metrics(vectors.get(m), labelled),
                    losses(models.get(m), vectors.get(m), labelled), spearman(firstRanks, ranks)));
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
    static MetricsView metrics(float[][] vectors, List<Label> labelled) {
        int[] first = labelled.stream().mapToInt(Label::i).toArray();
        int[] second = labelled.stream().mapToInt(Label::j).toArray();
        float[] cosines = new PairSample(first, second).cosines(vectors);
        double[] scores = new double[cosines.length];
        boolean[] positive = new boolean[cosines.length];
        for (int k = 0; k < cosines.length; k++) {
            scores[k] = cosines[k];
            positive[k] = labelled.get(k).label() > 0;
        }
        return MetricsView.of(BinaryClassificationMetrics.compute(scores, positive));
    }

    /** Every loss with its defaults, in the order of {@code GET /api/losses}; an undefined loss says why. */
    private Comparison.DatasetLosses losses(String model, float[][] vectors, List<Label> labelled) {
        List<LabelledPair> pairs = labelled.stream().map(l -> new LabelledPair(l.i(), l.j(), l.label())).toList();
        List<Comparison.LossValue> values = new ArrayList<>();
        for (LossDescription loss : losses.describe()) {
            try {
                LossResult result = losses.evaluate(vectors, pairs, loss.id(), null, false, false);
                values.add(new Comparison.LossValue(loss.id(), result.value(), null, result.params()));
            } catch (UndefinedException undefined) {
                values.add(new Comparison.LossValue(loss.id(), null, undefined.getMessage(), defaults(loss)));
            }
        }
        return new Comparison.DatasetLosses(model, pairs.size(), values);
    }

    private static Map<String, Double> defaults(LossDescription loss) {
        Map<String, Double> params = new java.util.LinkedHashMap<>();
        loss.parameters().forEach(p -> params.put(p.name(), p.defaultValue()));
        return params;
    }

    private static Double spearman(double[] firstRanks, double[] ranks) {
        if (firstRanks.length < 2) return null;
        double value = Correlation.pearson(firstRanks, ranks);
        return Double.isFinite(value) ? value : null;
    }
}

package org.simexplorer.export;

import org.simexplorer.labels.LabelRepository;
import org.simexplorer.evaluation.PairSplit;
import java.util.List;
import java.util.Map;
import org.simexplorer.dataset.Dataset;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.formats.TrainingBundle;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;
import org.springframework.stereotype.Service;

/** Builds the files a dataset is exported as. */
@Service
public class ExportService {

    private final DatasetService datasets;
    private final LabelRepository labels;
    private final PairLossRegistry losses;

    ExportService(DatasetService datasets, LabelRepository labels, PairLossRegistry losses) {
        this.datasets = datasets;
        this.labels = labels;
        this.losses = losses;
    }

    /**
     * The sentence-transformers training bundle (a zip).
     *
     * @throws org.simexplorer.errors.NotFoundException a missing dataset or loss
     * @throws InvalidInputException                    a bad parameter or validation fraction
     * @throws UndefinedException                       when either side of the split would have no pairs
     */
    public byte[] trainingBundle(long datasetId, String lossId, Map<String, ?> params, long seed,
            double validationFraction) {
        Dataset dataset = datasets.get(datasetId);
        PairLoss loss = losses.find(lossId);
        Map<String, Double> resolved = LossParameters.resolve(loss, params).asMap();
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new InvalidInputException("validationFraction must be above 0 and below 1, not "
                    + validationFraction + ".");
        }
        List<LabelledPair> pairs = labels.list(datasetId).stream()
                .map(label -> new LabelledPair(label.i(), label.j(), label.label())).toList();
        PairSplit split = PairSplit.of(pairs, validationFraction, seed);
        if (split.train().isEmpty() || split.validation().isEmpty()) {
            throw new UndefinedException("The split of " + pairs.size() + " labelled pairs leaves "
                    + split.train().size() + " for training and " + split.validation().size()
                    + " for validation; label more pairs so that both sides have some.")
                    .with("trainPairs", split.train().size()).with("validationPairs", split.validation().size());
        }
        return TrainingBundle.zip(new TrainingBundle.Input(dataset.name(), dataset.model(),
                datasets.sentences(datasetId), split.train(), split.validation(), split.leftOut().size(), loss.id(),
                resolved, seed, validationFraction));
    }
}

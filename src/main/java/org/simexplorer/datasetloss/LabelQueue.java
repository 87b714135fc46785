package org.simexplorer.datasetloss;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.simexplorer.dataset.DatasetNeighbours;
import org.simexplorer.labels.Label;
import org.simexplorer.labels.LabelService;
import org.simexplorer.dataset.DatasetNeighbours.SampledNeighbours;
import org.simexplorer.evaluation.PairMetrics;
import org.simexplorer.similarity.PairQueue;
import org.springframework.stereotype.Service;

/**
 * The pairs to label next, drawn from neighbour lists or uniformly, never from all pairs: the work is a seeded
 * sample of rows times k neighbours, or a bounded number of random draws, at any dataset size.
 */
@Service
class LabelQueue {

    /** Rows whose neighbour lists feed the informative queue. */
    static final int SAMPLED_ROWS = 512;
    /** Neighbours read per sampled row. */
    static final int NEIGHBOURS = 10;
    /** The threshold when the labels give none (fewer than two pairs, or one class only). */
    static final double DEFAULT_THRESHOLD = 0.5;

    private final DatasetNeighbours neighbours;
    private final DatasetLosses losses;
    private final LabelService labels;

    LabelQueue(DatasetNeighbours neighbours, DatasetLosses losses, LabelService labels) {
        this.neighbours = neighbours;
        this.losses = losses;
        this.labels = labels;
    }

    enum Strategy { INFORMATIVE, RANDOM }

    record QueuedPair(int i, int j, float cosine, String reason) {
    }

    /**
     * @param thresholdFrom "f1", "accuracy" (the labels' best thresholds) or "default"
     * @param sampledRows   the rows whose neighbours were read (0 for random)
     * @param considered    the (row, neighbour) pairs or random draws looked at
     */
    record Queue(String model, int n, String strategy, long seed, double threshold, String thresholdFrom,
            String method, int sampledRows, int considered, List<QueuedPair> pairs) {
    }

    Queue next(long datasetId, Strategy strategy, int limit, long seed, String model) {
        Set<Long> labelled = new HashSet<>();
        for (Label label : labels.list(datasetId)) labelled.add(PairQueue.key(label.i(), label.j()));
        PairQueue.Labelled has = (i, j) -> labelled.contains(PairQueue.key(i, j));
        PairMetrics metrics = losses.metrics(datasetId, model);
        double threshold = metrics.f1Threshold() != null ? metrics.f1Threshold()
                : metrics.accuracyThreshold() != null ? metrics.accuracyThreshold() : DEFAULT_THRESHOLD;
        String thresholdFrom = metrics.f1Threshold() != null ? "f1" : metrics.accuracyThreshold() != null ? "accuracy" : "default";
        boolean informative = strategy == Strategy.INFORMATIVE;
        SampledNeighbours sample = neighbours.ofSample(datasetId, model, informative ? SAMPLED_ROWS : 0, NEIGHBOURS, seed);
        PairQueue.Selection selection = informative
                ? PairQueue.informative(sample.rows(), sample.lists(), has, threshold, limit)
                : PairQueue.random(sample.n(), has, sample::cosine, limit, seed);
        List<QueuedPair> pairs = selection.candidates().stream()
                .map(c -> new QueuedPair(c.i(), c.j(), c.cosine(), c.reason() == PairQueue.Reason.RANDOM ? "random" : "near-threshold"))
                .toList();
        return new Queue(sample.model(), sample.n(), strategy.name().toLowerCase(), seed, threshold, thresholdFrom,
                informative ? sample.method() : "random", sample.rows().length, selection.considered(), pairs);
    }
}

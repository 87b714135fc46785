package org.simexplorer.dataset;

import java.time.Instant;
import java.util.List;
import org.simexplorer.loss.LabelledPair;

/**
 * What datasets need of their labels: writing the labels an upload carries, in the caller's transaction, and
 * counting them for a dataset's summary. The labels feature implements it, so labels/ depends on dataset/ and
 * never the reverse.
 */
public interface DatasetLabels {

    /** Sets each pair's label (i &lt; j, ±1) inside the caller's transaction; returns how many were written. */
    int write(long datasetId, List<LabelledPair> labels, Instant now);

    LabelCounts counts(long datasetId);

    /** How many pairs are labelled, and how many of them +1. */
    record LabelCounts(int labels, int positives) {

        public int negatives() {
            return labels - positives;
        }
    }
}

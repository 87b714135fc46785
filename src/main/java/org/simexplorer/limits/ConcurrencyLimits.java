package org.simexplorer.limits;

import org.springframework.stereotype.Component;

/**
 * The app's concurrency limits, one bean so every feature shares the same permits: N×N matrix work
 * (similarity matrix, cluster order, JSON matrix) and embedding (every call into the model). Training jobs are
 * bounded by their own queue in the database (training.AdapterService).
 * Label writes take none of them, so they are never queued behind embedding.
 */
@Component
public class ConcurrencyLimits {

    private final ConcurrencyLimit matrix;
    private final ConcurrencyLimit embedding;

    public ConcurrencyLimits(ConcurrencyProperties properties) {
        this.matrix = limit("similarity-matrix work", properties.matrix());
        this.embedding = limit("embedding work", properties.embedding());
    }

    private static ConcurrencyLimit limit(String work, ConcurrencyProperties.Limit limit) {
        return new ConcurrencyLimit(work, limit.permits(), limit.queueWait(), limit.retryAfter().toSeconds());
    }

    /** N×N work: the similarity matrix, its cluster order, and the JSON matrix. */
    public ConcurrencyLimit matrix() {
        return matrix;
    }

    /** Every call into an embedding model. */
    public ConcurrencyLimit embedding() {
        return embedding;
    }
}

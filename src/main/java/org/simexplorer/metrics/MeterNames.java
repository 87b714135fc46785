package org.simexplorer.metrics;

/**
 * The app's own meters, in one place so the names on /actuator/prometheus, docs/deployment.md and the code agree.
 * Prometheus spells them with underscores and a unit suffix (for example
 * {@code simexplorer_embedding_sentences_total}).
 */
public final class MeterNames {

    /** Counter, tag {@code model}: sentences run through a model (embedding-cache hits are not counted). */
    public static final String SENTENCES_EMBEDDED = "simexplorer.embedding.sentences";

    /** Timer, tag {@code model}: one forward pass over a batch of sentences. */
    public static final String EMBEDDING_BATCH = "simexplorer.embedding.batch";

    /** Counter: pair labels set or removed, counted once their transaction has committed. */
    public static final String LABEL_WRITES = "simexplorer.labels.writes";

    /**
     * Counter: transactions that committed PUT labels requests; requests per commit shows how many writes each
     * group commit shared.
     */
    public static final String LABEL_COMMITS = "simexplorer.labels.commits";

    /** Counter: PUT labels requests answered after their commit (each may set or remove several labels). */
    public static final String LABEL_REQUESTS = "simexplorer.labels.requests";

    /**
     * Timer with a histogram: each transaction of the label writer, from its first statement to its commit or
     * rollback (a failed shared transaction, then each of its one-by-one reruns). The database's share of a write's
     * latency; the rest is waiting for the writer and the HTTP request itself.
     */
    public static final String LABEL_COMMIT_DURATION = "simexplorer.labels.commit.duration";

    /** Gauge, bytes: what the dataset matrix cache holds (cosine matrices and their cluster orders). */
    public static final String MATRIX_CACHE_BYTES = "simexplorer.matrix.cache";

    /** Counter, tags {@code method} and {@code uri}: API requests answered 503 with Retry-After. */
    public static final String REQUESTS_REFUSED = "simexplorer.requests.refused";

    /**
     * Counter: adapter training optimiser steps (loss, gradient and update), counted as each curve point is
     * reported and when a training ends.
     */
    public static final String TRAINING_STEPS = "simexplorer.training.steps";

    private MeterNames() {
    }
}

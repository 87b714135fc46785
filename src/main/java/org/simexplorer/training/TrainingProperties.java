package org.simexplorer.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Adapter training settings (simexplorer.training.*).
 *
 * @param concurrency       trainings that run at once on each instance (each uses every core for its products)
 * @param queueCapacity     trainings that may wait; past concurrency + this many queued or running trainings in
 *                          the database a request answers 503 (at least 8, so that the page's compare-losses run
 *                          of seven fits)
 * @param retryAfterSeconds the Retry-After of that 503
 * @param minValidationPairsPerClass below this many similar or dissimilar validation pairs an adapter carries a
 *                          caution (default {@value #MIN_VALIDATION_PAIRS_PER_CLASS}): the validation metrics
 *                          decide which W is kept, and on a handful of pairs they swing from 0 to 1 by chance
 * @param checkpointInterval at most this often a running training stores its curve and the state it resumes
 *                          from (W, Adam's moments, the best W), at a curve point; zero stores at every point
 */
@ConfigurationProperties("simexplorer.training")
public record TrainingProperties(Integer concurrency, Integer queueCapacity, Integer retryAfterSeconds,
        Integer minValidationPairsPerClass, Duration checkpointInterval) {

    /** The default of {@code simexplorer.training.min-validation-pairs-per-class}. */
    public static final int MIN_VALIDATION_PAIRS_PER_CLASS = 30;

    public TrainingProperties {
        if (concurrency == null || concurrency < 1) concurrency = 1;
        if (queueCapacity == null) queueCapacity = 8;
        if (queueCapacity < 8) {
            throw new IllegalArgumentException("simexplorer.training.queue-capacity is " + queueCapacity
                    + "; it must be at least 8 so that a compare-losses run of seven trainings fits.");
        }
        if (retryAfterSeconds == null || retryAfterSeconds < 1) retryAfterSeconds = 30;
        if (minValidationPairsPerClass == null || minValidationPairsPerClass < 0) {
            minValidationPairsPerClass = MIN_VALIDATION_PAIRS_PER_CLASS;
        }
        if (checkpointInterval == null || checkpointInterval.isNegative()) checkpointInterval = Duration.ofSeconds(1);
    }
}

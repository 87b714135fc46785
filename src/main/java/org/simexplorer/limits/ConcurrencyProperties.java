package org.simexplorer.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much heavy work may run at once (simexplorer.concurrency.*): N×N matrix work and embedding. Training has
 * its own queue (simexplorer.training.*), since its jobs run in the background.
 * Each has a number of permits, a wait before a caller is refused with 503, and the Retry-After it is given.
 */
@ConfigurationProperties("simexplorer.concurrency")
public record ConcurrencyProperties(Limit matrix, Limit embedding) {

    /** One limit: {@code permits} at once, callers past them wait up to {@code queueWait}, then get 503. */
    public record Limit(Integer permits, Duration queueWait, Duration retryAfter) {

        public Limit {
            if (permits == null) permits = 1;
            if (queueWait == null) queueWait = Duration.ofSeconds(10);
            if (retryAfter == null) retryAfter = Duration.ofSeconds(5);
        }

        static Limit defaults() {
            return new Limit(null, null, null);
        }
    }

    public ConcurrencyProperties {
        if (matrix == null) matrix = Limit.defaults();
        if (embedding == null) embedding = Limit.defaults();
    }
}

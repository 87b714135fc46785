package org.simexplorer.errors;

/** Work refused because its concurrency limit stayed full for the configured wait; the caller may retry. */
public class OverloadedException extends DomainException {

    private final long retryAfterSeconds;

    public OverloadedException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

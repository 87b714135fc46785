package org.simexplorer.limits;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.simexplorer.errors.OverloadedException;

/**
 * At most {@code permits} pieces of one kind of work at once. A caller past the limit waits up to {@code wait}
 * (fairly, in arrival order) and is then refused with {@link OverloadedException} (503 + Retry-After).
 *
 * <p>A thread that already holds a permit of this limit runs nested work at once: a request takes the permit
 * at its outermost step, so work it calls never waits on itself. Spring Framework 7's {@code @ConcurrencyLimit}
 * cannot do this: it either rejects at once or waits without bound.
 */
public final class ConcurrencyLimit {

    private final String work;
    private final int permits;
    private final Semaphore semaphore;
    private final Duration wait;
    private final long retryAfterSeconds;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * @param work              what the limit guards, as the refusal names it ("similarity-matrix work")
     * @param permits           how many may run at once (at least 1)
     * @param wait              how long a caller waits for a permit before it is refused
     * @param retryAfterSeconds the Retry-After a refused caller is given
     */
    public ConcurrencyLimit(String work, int permits, Duration wait, long retryAfterSeconds) {
        if (permits < 1) throw new IllegalArgumentException("permits must be at least 1, not " + permits);
        this.work = work;
        this.permits = permits;
        this.semaphore = new Semaphore(permits, true);
        this.wait = wait;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Runs the work under a permit; 503 when none frees up within the wait. */
    public <T> T call(Supplier<T> task) {
        int[] held = depth.get();
        if (held[0] > 0) {
            held[0]++;
            try {
                return task.get();
            } finally {
                held[0]--;
            }
        }
        acquire();
        held[0] = 1;
        try {
            return task.get();
        } finally {
            held[0] = 0;
            depth.remove();
            semaphore.release();
        }
    }

    public void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    private void acquire() {
        boolean acquired;
        try {
            acquired = semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new OverloadedException("The server is busy with other " + work + " (" + permits
                    + " at a time); try again in " + retryAfterSeconds + " s.", retryAfterSeconds)
                    .with("limit", permits);
        }
    }

    /** True when the calling thread holds a permit of this limit. */
    public boolean heldByCurrentThread() {
        return depth.get()[0] > 0;
    }

    public int permits() {
        return permits;
    }

    /** Permits free right now. */
    public int available() {
        return semaphore.availablePermits();
    }

    /** Callers waiting for a permit right now (an estimate, as {@link Semaphore#getQueueLength()}). */
    public int waiting() {
        return semaphore.getQueueLength();
    }

    public String work() {
        return work;
    }
}

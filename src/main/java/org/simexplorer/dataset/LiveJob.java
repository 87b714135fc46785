package org.simexplorer.dataset;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** A job this process runs: its progress in memory, for the event stream and the estimate of time left. */
final class LiveJob {
    final String id;
    final String name;
    final String model;
    final int total;
    final int duplicates;
    final Instant createdAt = Instant.now();
    final JobEvents events = new JobEvents();
    final CountDownLatch done = new CountDownLatch(1);
    private DatasetService.Prepared input;
    volatile JobState state = JobState.QUEUED;
    volatile boolean cancelled;
    volatile int embedded;
    volatile Long datasetId;
    volatile Integer errorStatus;
    volatile String detail;
    private volatile long embedStartNanos;

    LiveJob(String id, DatasetService.Prepared prepared) {
        this.id = id;
        this.input = prepared;
        this.name = prepared.name();
        this.model = prepared.model();
        this.total = prepared.plan().added().size();
        this.duplicates = prepared.plan().duplicates().size();
    }

    /** The input, once: after it is stored, the job no longer holds the sentences in memory. */
    synchronized DatasetService.Prepared takeInput() {
        DatasetService.Prepared taken = input;
        input = null;
        return taken;
    }

    void progress(int stored) {
        if (embedStartNanos == 0) embedStartNanos = System.nanoTime();
        embedded = stored;
        events.progress(status());
    }

    /** Seconds left at the rate since embedding began; null before the first chunk. */
    Long etaSeconds() {
        long elapsed = System.nanoTime() - embedStartNanos;
        if (embedStartNanos == 0 || embedded == 0 || state != JobState.RUNNING) return null;
        return Math.round(elapsed / 1e9 * (total - embedded) / embedded);
    }

    DatasetJobs.Status status() {
        return DatasetJobs.Status.of(new DatasetJobRepository.JobRow(id, name, model, state, datasetId, total,
                embedded, duplicates, errorStatus, detail, false, createdAt, null, null), etaSeconds());
    }
}

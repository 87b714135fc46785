package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetJobRepository.JobRow;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dataset_jobs table on every supported database: claims by instances, resumption from the cursor, the
 * cancellation flag, the jobs the home page lists; subclasses pick the database.
 */
abstract class DatasetJobRepositoryContract {

    @Autowired
    DatasetJobRepository jobs;
    @Autowired
    DatasetRepository datasets;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private String queued(int total) {
        String id = UUID.randomUUID().toString();
        Dataset dataset = datasets.insert("Job " + id.substring(0, 8), "all-minilm-l6-v2", now, false, 2);
        jobs.insertQueued(id, "Job " + id.substring(0, 8), "all-minilm-l6-v2", dataset.id(), total, 2, now);
        return id;
    }

    private JobRow row(String id) {
        return jobs.find(id).orElseThrow();
    }

    @Test
    void aRunOwnsItsJobUntilAnotherResumesItFromTheCursor() {
        String id = queued(5000);
        assertThat(row(id).state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.claim(id, "instance-a", 0, false, now)).isTrue();
        assertThat(jobs.progressed(id, "instance-a", 1280, now.plusSeconds(4))).isTrue();
        JobRow running = row(id);
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.owner()).isEqualTo("instance-a");
        assertThat(running.embedded()).isEqualTo(1280);
        assertThat(running.resumes()).isZero();
        assertThat(running.startedAt()).isEqualTo(now);

        // instance-a died; instance-b's run takes the job up from the committed cursor
        Instant later = now.plusSeconds(20);
        assertThat(jobs.claim(id, "instance-b", 1280, true, later)).isTrue();
        JobRow resumed = row(id);
        assertThat(resumed.owner()).isEqualTo("instance-b");
        assertThat(resumed.resumes()).isEqualTo(1);
        assertThat(resumed.runFrom()).isEqualTo(1280);
        assertThat(resumed.runStartedAt()).isEqualTo(later);
        assertThat(resumed.startedAt()).as("when the job first started").isEqualTo(now);
        assertThat(resumed.embedded()).isEqualTo(1280);
        assertThat(jobs.progressed(id, "instance-a", 1344, later)).as("the old run may not write").isFalse();
        assertThat(jobs.progressed(id, "instance-b", 1344, later)).isTrue();
        assertThat(row(id).embedded()).isEqualTo(1344);
        assertThat(jobs.countUnfinished()).isPositive();
        assertThat(jobs.unfinishedIds()).contains(id);

        assertThat(jobs.done(id, later)).isTrue();
        assertThat(row(id).state()).isEqualTo(JobState.DONE);
        assertThat(jobs.unfinishedIds()).doesNotContain(id);
        assertThat(jobs.claim(id, "instance-c", 1344, true, later)).as("an ended job is not claimed").isFalse();
    }

    @Test
    void aCancellationStopsTheRunAtItsNextChunkAndTheFirstEndStays() {
        String id = queued(100);
        jobs.claim(id, "instance-a", 0, false, now);
        assertThat(jobs.requestCancel(id)).isTrue();
        assertThat(jobs.progressed(id, "instance-a", 64, now)).isFalse();
        assertThat(jobs.done(id, now)).isFalse();
        assertThat(jobs.claim(id, "instance-b", 0, true, now)).isFalse();
        assertThat(jobs.finished(id, JobState.CANCELLED, null, "cancelled", now)).isTrue();
        assertThat(jobs.finished(id, JobState.FAILED, 500, "late", now)).isFalse();
        assertThat(row(id).state()).isEqualTo(JobState.CANCELLED);
        assertThat(row(id).errorDetail()).isEqualTo("cancelled");
        assertThat(jobs.requestCancel(id)).as("an ended job").isFalse();
    }

    @Test
    void theHomePageListsUnfinishedJobsAndFailedOnesUntilDismissed() {
        String waiting = queued(10);
        String running = queued(10);
        jobs.claim(running, "instance-a", 0, false, now);
        String failed = queued(10);
        jobs.claim(failed, "instance-a", 0, false, now);
        jobs.progressed(failed, "instance-a", 4, now);
        jobs.finished(failed, JobState.FAILED, 404, "The job cannot go on: There is no model x.", now);
        String cancelled = queued(10);
        jobs.finished(cancelled, JobState.CANCELLED, null, null, now);
        String done = queued(10);
        jobs.claim(done, "instance-a", 0, false, now);
        jobs.done(done, now);

        assertThat(jobs.listed()).extracting(JobRow::id).contains(waiting, running, failed)
                .doesNotContain(cancelled, done);
        assertThat(row(failed).embedded()).as("how far it got").isEqualTo(4);
        jobs.dismiss(failed);
        assertThat(jobs.listed()).extracting(JobRow::id).doesNotContain(failed);
        assertThat(row(failed).dismissed()).isTrue();
    }

    @Test
    void aDeletedDatasetLeavesItsJobRowWithoutIt() {
        String id = queued(3);
        long datasetId = row(id).datasetId();
        assertThat(jobs.runningOn(datasetId)).contains(id);
        datasets.delete(datasetId);
        assertThat(row(id).datasetId()).isNull();
        jobs.finished(id, JobState.CANCELLED, null, "x".repeat(3000), now);
        assertThat(row(id).errorDetail()).hasSize(2000);
    }
}

package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dataset_jobs table on every supported database, including the start-up sweep; subclasses pick it. */
abstract class DatasetJobRepositoryContract {

    @Autowired
    DatasetJobRepository jobs;
    @Autowired
    DatasetRepository datasets;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private String queued(String owner, int total) {
        String id = UUID.randomUUID().toString();
        jobs.insertQueued(id, "Job " + id.substring(0, 8), "all-minilm-l6-v2", total, 2, owner, now);
        return id;
    }

    @Test
    void theSweepInterruptsOnlyWhatOtherProcessesLeftUnfinished() {
        String cutOff = queued("ended-process", 5000);
        Dataset dataset = datasets.insert("Cut off", "all-minilm-l6-v2", now, false, 2);
        jobs.started(cutOff, dataset.id(), now);
        jobs.progressed(cutOff, 1280, now);
        String waiting = queued("ended-process", 10);
        String finished = queued("ended-process", 10);
        jobs.finished(finished, JobState.DONE, null, null, now);
        String mine = queued("this-process", 10);

        assertThat(jobs.interruptOthers("this-process", now)).isEqualTo(2);

        DatasetJobRepository.JobRow row = jobs.find(cutOff).orElseThrow();
        assertThat(row.state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(row.embedded()).isEqualTo(1280);
        assertThat(row.total()).isEqualTo(5000);
        assertThat(row.duplicates()).isEqualTo(2);
        assertThat(row.datasetId()).isEqualTo(dataset.id());
        assertThat(row.errorDetail()).contains("stopped");
        assertThat(jobs.find(waiting).orElseThrow().state()).isEqualTo(JobState.INTERRUPTED);
        assertThat(jobs.find(finished).orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(jobs.find(mine).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(datasets.all()).extracting(Dataset::id).as("incomplete").doesNotContain(dataset.id());
    }

    @Test
    void interruptedJobsAreListedUntilDismissed() {
        String id = queued("ended-process", 100);
        jobs.interruptOthers("this-process", now);
        assertThat(jobs.unfinished()).extracting(DatasetJobRepository.JobRow::id).contains(id);
        jobs.dismiss(id);
        assertThat(jobs.unfinished()).extracting(DatasetJobRepository.JobRow::id).doesNotContain(id);
        assertThat(jobs.find(id).orElseThrow().dismissed()).isTrue();
    }

    @Test
    void aDeletedDatasetLeavesItsJobRowWithoutIt() {
        String id = queued("this-process", 3);
        Dataset dataset = datasets.insert("Going", "all-minilm-l6-v2", now, false, 0);
        jobs.started(id, dataset.id(), now);
        assertThat(jobs.runningOn(dataset.id())).contains(id);
        datasets.delete(dataset.id());
        assertThat(jobs.find(id).orElseThrow().datasetId()).isNull();
        jobs.finished(id, JobState.CANCELLED, null, "x".repeat(3000), now);
        assertThat(jobs.find(id).orElseThrow().errorDetail()).hasSize(2000);
    }
}

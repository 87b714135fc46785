package org.simexplorer.training;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.util.Optional;
import org.simexplorer.dataset.DatasetEvents;
import org.simexplorer.scheduling.BackgroundScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stops a dataset's trainings before the dataset is deleted: each queued or running one is marked cancelled, a
 * waiting execution is taken out of the schedule, and a running one (on any instance) is waited for until its
 * execution has ended, so its place is free when the deletion answers.
 */
@Component
class DatasetTrainings {

    private static final Logger log = LoggerFactory.getLogger(DatasetTrainings.class);
    /**
     * A cancelled training stops within its next cancel check, well under a second; one on an instance that died
     * is first revived elsewhere, after the missed heartbeats. This is the worst case.
     */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final AdapterRepository adapters;
    private final BackgroundScheduler scheduler;

    DatasetTrainings(AdapterRepository adapters, BackgroundScheduler scheduler) {
        this.adapters = adapters;
        this.scheduler = scheduler;
    }

    @EventListener
    void onDeleting(DatasetEvents.DatasetDeleting deleting) throws InterruptedException {
        for (AdapterRecord adapter : adapters.byDataset(deleting.datasetId())) {
            if (adapter.status().finished() || !adapters.cancel(adapter.id())) continue;
            if (!stopped(TrainingTask.DESCRIPTOR.instanceId(Long.toString(adapter.id())))) {
                log.warn("Training {} of deleted dataset {} had not stopped after {}", adapter.id(),
                        deleting.datasetId(), STOP_WAIT);
            }
        }
    }

    /** Waits until the execution is gone: removed here while it waits, or ended by the instance running it. */
    private boolean stopped(TaskInstanceId execution) throws InterruptedException {
        SchedulerClient client = scheduler.scheduler();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ScheduledExecution<Object>> scheduled = client.getScheduledExecution(execution);
            if (scheduled.isEmpty()) return true;
            if (!scheduled.get().isPicked()) {
                try {
                    client.cancel(execution);
                    return true;
                } catch (RuntimeException pickedMeanwhile) {
                    // Claimed between the two reads: it sees the cancelled state and ends; look again.
                }
            }
            Thread.sleep(50);
        }
        return false;
    }
}

package org.simexplorer.training;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Runs a claimed training execution, or puts it back: a queued training starts only when no older one is queued
 * (the queue order holds across instances) and one of this instance's {@code concurrency} places is free. A
 * training that this instance stops for its own shutdown is put back at once, for another instance to resume.
 */
@Component
class TrainingExecutions {

    /** How soon a training that could not start is looked at again. */
    static final Duration WAIT = Duration.ofSeconds(1);

    private final AdapterRepository adapters;
    private final TrainingCheckpoints checkpoints;
    private final TrainingRunner runner;
    private final Semaphore places;

    TrainingExecutions(AdapterRepository adapters, TrainingCheckpoints checkpoints, TrainingRunner runner,
            TrainingProperties properties) {
        this.adapters = adapters;
        this.checkpoints = checkpoints;
        this.runner = runner;
        this.places = new Semaphore(properties.concurrency());
    }

    CompletionHandler<TrainingPairs> execute(TaskInstance<TrainingPairs> instance, ExecutionContext context) {
        long id = Long.parseLong(instance.getId());
        AdapterRecord adapter = adapters.find(id).orElse(null);
        if (adapter == null || adapter.status().finished()) {
            // Cancelled while its instance was down, say: its stored state is never needed again.
            if (adapter != null) checkpoints.delete(id);
            return new CompletionHandler.OnCompleteRemove<>();
        }
        if (adapter.status() == AdapterRecord.Status.QUEUED && adapters.oldestQueued().orElse(id) != id) {
            return later(WAIT);
        }
        if (!places.tryAcquire()) return later(WAIT);
        try {
            TrainingRunner.Ending ending = runner.run(adapter, instance.getData(),
                    () -> context.getSchedulerState().isShuttingDown());
            return ending == TrainingRunner.Ending.HANDED_OVER ? later(Duration.ZERO)
                    : new CompletionHandler.OnCompleteRemove<>();
        } finally {
            places.release();
        }
    }

    private static CompletionHandler<TrainingPairs> later(Duration wait) {
        return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(wait));
    }
}

package org.simexplorer.training;

import java.time.Duration;
import org.simexplorer.dataset.DatasetEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stops a dataset's trainings before the dataset is deleted: each queued or running one is marked cancelled,
 * a queued one leaves the queue, and a running one is waited for, so its slot is free when the deletion answers.
 */
@Component
class DatasetTrainings {

    private static final Logger log = LoggerFactory.getLogger(DatasetTrainings.class);
    /** A cancelled training stops at its next optimiser step, milliseconds away; this is the worst case. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final AdapterRepository adapters;
    private final LiveTrainings live;
    private final int minimumPerClass;

    DatasetTrainings(AdapterRepository adapters, LiveTrainings live, TrainingProperties properties) {
        this.adapters = adapters;
        this.live = live;
        this.minimumPerClass = properties.minValidationPairsPerClass();
    }

    @EventListener
    void onDeleting(DatasetEvents.DatasetDeleting deleting) throws InterruptedException {
        for (AdapterRecord adapter : adapters.byDataset(deleting.datasetId())) {
            if (adapter.status().finished() || !adapters.cancel(adapter.id())) continue;
            LiveTrainings.Live training = live.find(adapter.id());
            if (training == null) continue;
            training.cancelled = true;
            TrainingJobs.Job job = training.job;
            if (job != null && !job.stop(STOP_WAIT)) {
                log.warn("Training {} of deleted dataset {} had not stopped after {}", adapter.id(),
                        deleting.datasetId(), STOP_WAIT);
            }
            // A training taken out of the queue never ran, so its streams are ended here (a no-op otherwise).
            live.end(adapter.id(), AdapterView.of(adapters.find(adapter.id()).orElse(adapter), null,
                    minimumPerClass));
        }
    }
}

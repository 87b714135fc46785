package org.simexplorer.dataset;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.simexplorer.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads a new dataset's vectors into {@link DatasetEmbeddings} once its job has stored them, in the background,
 * so that the first heatmap tile, loss or neighbour list after the upload computes from memory instead of
 * reading N vectors back from the database (seconds at 100,000 sentences). One dataset at a time, on a thread of
 * low priority; a dataset deleted meanwhile is skipped.
 */
@Component
class DatasetWarmUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatasetWarmUp.class);

    private final DatasetEmbeddings embeddings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dataset-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    DatasetWarmUp(DatasetEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @EventListener
    void onCompleted(DatasetEvents.DatasetCompleted completed) {
        worker.execute(() -> {
            long start = System.nanoTime();
            try {
                int n = embeddings.of(completed.datasetId()).vectors().length;
                log.info("Vectors of dataset {} ({} sentences) read into memory in {} ms", completed.datasetId(), n,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (DomainException gone) {
                log.debug("Dataset {} went before its vectors were read: {}", completed.datasetId(), gone.getMessage());
            } catch (RuntimeException e) {
                log.warn("Vectors of dataset {} could not be read into memory; the first request will read them",
                        completed.datasetId(), e);
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

package org.simexplorer.dataset;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a new dataset's vectors into {@link DatasetEmbeddings} once its job is done, so that the first heatmap
 * tile, loss or neighbour list after the upload computes from memory instead of reading N vectors back from the
 * database (seconds at 100,000 sentences). A run that embedded every chunk itself hands over the vectors it
 * holds; after a resumed run they are read in the background, one dataset at a time, on a thread of low
 * priority. That thread then sums the blocks the coarse tiles are made of ({@link DatasetTiles#prepare}) and
 * makes the gzipped answer with the sentences ({@link DatasetAnswers}), which the dataset page asks first.
 */
@Component
class DatasetWarmUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatasetWarmUp.class);

    private final DatasetService datasets;
    private final DatasetEmbeddings embeddings;
    private final CachedEmbedder embedder;
    private final DatasetTiles tiles;
    private final DatasetAnswers answers;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dataset-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    DatasetWarmUp(DatasetService datasets, DatasetEmbeddings embeddings, CachedEmbedder embedder, DatasetTiles tiles,
            DatasetAnswers answers) {
        this.datasets = datasets;
        this.tiles = tiles;
        this.answers = answers;
        this.embedder = embedder;
        this.embeddings = embeddings;
    }

    /** @param vectors every sentence's vector under the dataset's model in position order, or null to read them */
    void completed(long datasetId, float[][] vectors) {
        try {
            Dataset dataset = datasets.get(datasetId);
            if (vectors != null && datasets.sentenceCount(datasetId) == vectors.length && ownModelIsStored(dataset)) {
                embeddings.hold(dataset, new Embeddings(dataset.model(), vectors, List.of()));
                reader.execute(() -> prepare(datasetId));
                return;
            }
        } catch (DomainException gone) {
            return;
        }
        reader.execute(() -> read(datasetId));
    }

    /** An extra model's vectors follow from its base's, which is what a job stores; those are not the dataset's. */
    private boolean ownModelIsStored(Dataset dataset) {
        return embedder.cacheModel(dataset.model()).equals(dataset.model());
    }

    private void read(long datasetId) {
        long start = System.nanoTime();
        try {
            int n = embeddings.of(datasetId).vectors().length;
            log.info("Vectors of dataset {} ({} sentences) read into memory in {} ms", datasetId, n,
                    (System.nanoTime() - start) / 1_000_000);
            prepare(datasetId);
        } catch (DomainException gone) {
            log.debug("Dataset {} went before its vectors were read: {}", datasetId, gone.getMessage());
        } catch (RuntimeException e) {
            log.warn("Vectors of dataset {} could not be read into memory; the first request will read them",
                    datasetId, e);
        }
    }

    private void prepare(long datasetId) {
        try {
            tiles.prepare(datasetId);
            answers.prepare(datasetId);
        } catch (DomainException gone) {
            log.debug("Dataset {} went before its first answers were prepared: {}", datasetId, gone.getMessage());
        } catch (RuntimeException e) {
            log.warn("The first answers of dataset {} could not be prepared; its first requests will make them",
                    datasetId, e);
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}

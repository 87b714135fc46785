package org.simexplorer.dataset;

import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.ModelCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A dataset's embeddings kept in memory apart from its cosine matrix, so that losses and metrics, which read
 * only the labelled pairs, never need the N × N matrix and never lose their input when a matrix is evicted.
 * Bounded by bytes (simexplorer.cache.embeddings; N·D·4 per dataset: 7.7 MB at 5,000 sentences of 384
 * dimensions). Keyed by (dataset, model, model version, size), which names one state of the data on every
 * instance (see {@link ByteBudgetCache.Key}). Loading is single-flight (see {@link ByteBudgetCache}); {@link DatasetService} announces changes
 * and deletions, and the entries of that dataset go.
 */
@Service
public class DatasetEmbeddings {

    private final DatasetService datasets;
    private final ByteBudgetCache<Embeddings> cache;

    DatasetEmbeddings(DatasetService datasets, CacheBudget budget) {
        this.datasets = datasets;
        this.cache = new ByteBudgetCache<>(budget.embeddings().toBytes(), DatasetEmbeddings::bytes);
    }

    /**
     * The dataset's vectors in sentence order, from memory when present; shared, so callers must not modify them.
     *
     * @throws org.simexplorer.errors.NotFoundException when there is no such dataset
     */
    public Embeddings of(long datasetId) {
        Dataset dataset = datasets.get(datasetId);
        return of(dataset, datasets.sentenceCount(datasetId));
    }

    /**
     * The dataset's sentences under another model (a catalogue model or an adapter; 404 when unknown), kept like
     * its own. Null, blank or the dataset's own model gives {@link #of(long)}.
     */
    public Embeddings of(long datasetId, String model) {
        Dataset dataset = datasets.get(datasetId);
        return of(dataset, datasets.resolve(dataset, model), datasets.sentenceCount(datasetId));
    }

    /** The vectors of the dataset's first {@code size} sentences. */
    Embeddings of(Dataset dataset, int size) {
        return of(dataset, DatasetService.own(dataset), size);
    }

    /** The vectors of the dataset's first {@code size} sentences under a resolved model. */
    Embeddings of(Dataset dataset, ModelCatalog.Resolved model, int size) {
        return cache.get(new ByteBudgetCache.Key(dataset.id(), model, size),
                () -> datasets.embeddings(dataset, model.id(), size));
    }

    /** Whether the vectors of a dataset's first {@code size} sentences under its own model are in memory now. */
    boolean holds(Dataset dataset, int size) {
        return cache.getIfPresent(new ByteBudgetCache.Key(dataset.id(), DatasetService.own(dataset), size)) != null;
    }

    /** Keeps vectors just computed for a dataset's first {@code embeddings.vectors().length} sentences. */
    void hold(Dataset dataset, Embeddings embeddings) {
        cache.get(new ByteBudgetCache.Key(dataset.id(), DatasetService.own(dataset), embeddings.vectors().length),
                () -> embeddings);
    }

    void forgetModel(String model) {
        cache.invalidate(model);
    }

    @EventListener
    void onChanged(DatasetEvents.DatasetChanged changed) {
        cache.invalidate(changed.datasetId());
    }

    /** Bytes held now, for metrics and tests. */
    public long bytes() {
        cache.cleanUp();
        return cache.weightedBytes();
    }

    static long bytes(Embeddings embeddings) {
        long total = 64;
        // Each row is an array: its floats plus a 16-byte header and an 8-byte reference.
        for (float[] vector : embeddings.vectors()) total += 24 + 4L * vector.length;
        return total;
    }
}

package org.simexplorer.dataset;

import java.util.function.Supplier;
import org.simexplorer.embedding.Embeddings;
import org.springframework.stereotype.Component;

/**
 * The embeddings of recently used datasets, in memory within their own byte budget (simexplorer.cache.embeddings),
 * so that losses and metrics, which read only labelled pairs, never need the N×N matrix and never lose their
 * input when a matrix is evicted. {@link DatasetService} fills it and invalidates it when a dataset changes.
 */
@Component
public class DatasetEmbeddings {

    private final ByteBudgetCache<Embeddings> cache;

    DatasetEmbeddings(CacheBudget budget) {
        this.cache = new ByteBudgetCache<>(budget.embeddings().toBytes(), DatasetEmbeddings::bytes);
    }

    Embeddings get(long datasetId, String model, int size, Supplier<Embeddings> loader) {
        return cache.get(new ByteBudgetCache.Key(datasetId, model, size), loader);
    }

    void invalidate(long datasetId) {
        cache.invalidate(datasetId);
    }

    /** Bytes held now, for metrics and tests. */
    public long bytes() {
        cache.cleanUp();
        return cache.weightedBytes();
    }

    static long bytes(Embeddings embeddings) {
        long total = 64;
        for (float[] vector : embeddings.vectors()) total += 16 + 4L * vector.length;
        return total;
    }
}

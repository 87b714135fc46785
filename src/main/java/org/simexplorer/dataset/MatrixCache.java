package org.simexplorer.dataset;

import java.util.function.Supplier;
import org.simexplorer.embedding.ModelCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cosine matrices of recently viewed datasets within a byte budget (simexplorer.cache.matrix, default 256 MB:
 * two 5,000-sentence matrices). {@link DatasetService} announces each append and deletion after it commits,
 * and that dataset's entries go.
 */
@Component
public class MatrixCache {

    private final ByteBudgetCache<DatasetSimilarity.Matrix> cache;

    MatrixCache(CacheBudget budget) {
        this.cache = new ByteBudgetCache<>(budget.matrix().toBytes(), DatasetSimilarity.Matrix::bytes);
    }

    DatasetSimilarity.Matrix get(long datasetId, ModelCatalog.Resolved model, int size,
            Supplier<DatasetSimilarity.Matrix> loader) {
        return cache.get(new ByteBudgetCache.Key(datasetId, model, size), loader);
    }

    DatasetSimilarity.Matrix getIfPresent(long datasetId, ModelCatalog.Resolved model, int size) {
        return cache.getIfPresent(new ByteBudgetCache.Key(datasetId, model, size));
    }

    void invalidateModel(String model) {
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

    public long budget() {
        return cache.budget();
    }

    public long entries() {
        cache.cleanUp();
        return cache.size();
    }
}

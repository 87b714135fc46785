package org.simexplorer.dataset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.simexplorer.embedding.Embeddings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * A dataset's embeddings kept in memory apart from its cosine matrix, so that losses and metrics, which read
 * only the labelled pairs, never need the N × N matrix. Bounded by bytes (N·D·4 per dataset: 7.7 MB at 5,000
 * sentences of 384 dimensions). An entry is fresh while the dataset keeps its model and size: sentences are only
 * ever appended.
 */
@Service
public class DatasetEmbeddings {

    private final DatasetService datasets;
    private final Cache<Long, Embeddings> kept;

    DatasetEmbeddings(DatasetService datasets,
            @Value("${simexplorer.datasets.embeddings-cache-size:64MB}") DataSize budget) {
        this.datasets = datasets;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(budget.toBytes())
                .weigher((Long id, Embeddings e) -> weight(e))
                .build();
    }

    /**
     * The dataset's vectors in sentence order, from memory when fresh; shared, so callers must not modify them.
     *
     * @throws org.simexplorer.errors.NotFoundException when there is no such dataset
     */
    public Embeddings of(long datasetId) {
        Dataset dataset = datasets.get(datasetId);
        int n = datasets.sentenceCount(datasetId);
        // compute() loads each dataset once even when several requests ask for it together.
        return kept.asMap().compute(datasetId, (id, old) ->
                old != null && old.vectors().length == n && old.model().equals(dataset.model())
                        ? old : datasets.embeddings(id));
    }

    /**
     * The dataset's sentences under another catalogue model (an adapter, say): through the embedding cache of the
     * model (or of an adapter's base), not kept here. Null or the dataset's own model gives {@link #of(long)}.
     */
    public Embeddings of(long datasetId, String model) {
        Dataset dataset = datasets.get(datasetId);
        if (model == null || model.isBlank() || model.equals(dataset.model())) return of(datasetId);
        return datasets.embeddings(datasetId, model);
    }

    @EventListener
    void onDeleted(DatasetService.DatasetDeleted deleted) {
        kept.invalidate(deleted.datasetId());
    }

    private static int weight(Embeddings embeddings) {
        float[][] vectors = embeddings.vectors();
        long bytes = 64;
        // Each row is an array: its floats plus a 16-byte header and an 8-byte reference.
        for (float[] row : vectors) bytes += 24 + 4L * row.length;
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}

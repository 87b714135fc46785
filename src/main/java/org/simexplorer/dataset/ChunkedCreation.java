package org.simexplorer.dataset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.simexplorer.embedding.ModelCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The storage steps of a dataset job, each in its own transaction, so that what a step stored stays stored when
 * the process ends: first, before the job is answered, the dataset, marked incomplete, with all its sentences and
 * labels, the job's row and its scheduled run; then the vectors a chunk at a time, each chunk's cache rows
 * committed with the job's cursor; last the dataset marked complete. Everything a run on any instance needs to
 * go on from the cursor is in the database.
 */
@Component
class ChunkedCreation {

    private final DatasetRepository datasets;
    private final SentenceRepository sentences;
    private final DatasetLabels labels;
    private final DatasetJobRepository jobs;
    private final EmbeddingCache cache;
    private final CachedEmbedder embedder;
    private final ModelCatalog catalog;
    private final TransactionTemplate transactions;

    ChunkedCreation(DatasetRepository datasets, SentenceRepository sentences, DatasetLabels labels,
            DatasetJobRepository jobs, EmbeddingCache cache, CachedEmbedder embedder, ModelCatalog catalog,
            PlatformTransactionManager transactionManager) {
        this.datasets = datasets;
        this.sentences = sentences;
        this.labels = labels;
        this.jobs = jobs;
        this.cache = cache;
        this.embedder = embedder;
        this.catalog = catalog;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Stores the incomplete dataset with its sentences and labels and the queued job on it, and calls
     * {@code schedule} in the same transaction, so that the job, its input and its scheduled run commit together
     * or not at all; an unknown model is a 404 first.
     */
    long store(String jobId, DatasetService.Prepared prepared, Runnable schedule) {
        catalog.find(prepared.model());
        SentencePlan plan = prepared.plan();
        return transactions.execute(status -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Dataset dataset = datasets.insert(prepared.name(), prepared.model(), now, false,
                    plan.duplicates().size());
            sentences.insert(dataset.id(), 0, plan.added());
            labels.write(dataset.id(), plan.labels(), now);
            jobs.insertQueued(jobId, prepared.name(), prepared.model(), dataset.id(), plan.added().size(),
                    plan.duplicates().size(), now);
            schedule.run();
            return dataset.id();
        });
    }

    /**
     * Embeds the sentences at positions from..to-1 that the cache lacks and commits their vectors together with
     * the job's cursor moved to {@code to}; sentences whose vectors are cached (below the cursor of an earlier
     * run, or shared with another dataset) do not reach the model.
     *
     * @param into where the chunk's vectors go, at positions from..to-1, for a run that keeps them; or null
     * @return false when the run must stop: its job was cancelled or taken over by another run
     */
    boolean embedChunk(String jobId, String owner, long datasetId, String model, int from, int to, float[][] into) {
        String cacheModel = embedder.cacheModel(model);
        CachedEmbedder.Chunk chunk = embedder.chunk(cacheModel, sentences.texts(datasetId, from, to));
        if (into != null) System.arraycopy(chunk.vectors(), 0, into, from, chunk.vectors().length);
        Map<String, float[]> fresh = chunk.fresh();
        try {
            return commit(jobId, owner, cacheModel, fresh, to);
        } catch (DuplicateKeyException raced) {
            // another caller stored some of these rows meanwhile: the second try skips them
            return commit(jobId, owner, cacheModel, fresh, to);
        }
    }

    private boolean commit(String jobId, String owner, String cacheModel, Map<String, float[]> fresh, int cursor) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!fresh.isEmpty()) cache.storeInTransaction(cacheModel, fresh);
            return jobs.progressed(jobId, owner, cursor, Instant.now());
        }));
    }

    /** Marks the dataset complete and the job done; false when the dataset was deleted or the job cancelled. */
    boolean complete(String jobId, long datasetId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!datasets.markComplete(datasetId) || !jobs.done(jobId, Instant.now())) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /** Removes what a job that cannot finish stored (its dataset's rows go with it). */
    void discard(long datasetId) {
        transactions.executeWithoutResult(status -> datasets.delete(datasetId));
    }
}

package org.simexplorer.dataset;

import org.simexplorer.formats.PairRow;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.simexplorer.formats.TextLine;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.limits.RequestLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, reads, extends and deletes datasets, and gives their embeddings through the cache.
 *
 * <p>Everything that can fail (parsing, limits, an unknown model) is checked and embedded before the one
 * transaction that writes the dataset, so a failed request saves nothing. Pair rows in an upload become labels in
 * that same transaction, through {@link DatasetLabels}, which the labels feature implements.
 */
@Service
public class DatasetService {

    private final DatasetRepository datasets;
    private final SentenceRepository sentences;
    private final DatasetLabels labels;
    private final SentenceEmbedder models;
    private final CachedEmbedder embedder;
    private final DatasetLimits limits;
    private final RequestLimits requestLimits;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ModelCatalog catalog;
    private final SentenceCounts counts;

    DatasetService(DatasetRepository datasets, SentenceRepository sentences, CachedEmbedder embedder,
            DatasetLabels labels, SentenceEmbedder models, DatasetLimits limits, RequestLimits requestLimits,
            JdbcClient jdbc, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
            ModelCatalog catalog, SentenceCounts counts) {
        this.catalog = catalog;
        this.counts = counts;
        this.datasets = datasets;
        this.sentences = sentences;
        this.embedder = embedder;
        this.labels = labels;
        this.models = models;
        this.limits = limits;
        this.requestLimits = requestLimits;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /** A sentence dropped because the dataset already had it. */
    public record Duplicate(String text, int index, Integer line) {
    }

    /** The outcome of a create or append. */
    public record Change(Dataset dataset, int added, List<Duplicate> duplicates, int labelsImported,
            int identicalPairsSkipped) {
    }

    /** Hears how many of a create's sentences have vectors so far (cache hits first, then each embedded chunk). */
    @FunctionalInterface
    public interface EmbedProgress {
        EmbedProgress NONE = (done, total) -> { };

        void embedded(int done, int total);
    }

    public Change create(String name, String model, List<TextLine> input, List<PairRow> pairs, double threshold) {
        return create(name, model, input, pairs, threshold, EmbedProgress.NONE);
    }

    /** As {@link #create(String, String, List, List, double)}, reporting the embedding's progress as it goes. */
    public Change create(String name, String model, List<TextLine> input, List<PairRow> pairs, double threshold,
            EmbedProgress progress) {
        Prepared prepared = prepare(name, model, input, pairs, threshold);
        SentencePlan plan = prepared.plan();
        embedder.embed(prepared.model(), plan.added(), progress);
        return transactions.execute(status -> {
            Dataset dataset = datasets.insert(prepared.name(), prepared.model(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), true, plan.duplicates().size());
            sentences.insert(dataset.id(), 0, plan.added());
            int imported = labels.write(dataset.id(), plan.labels(), Instant.now());
            return new Change(dataset, plan.added().size(), plan.duplicates(), imported, plan.identicalPairs());
        });
    }

    /** A create checked and planned before anything is stored: the dataset's name, its model id, what it holds. */
    record Prepared(String name, String model, SentencePlan plan) {
    }

    /** Checks a create's name, input and limits (400, 413) and works out its sentences and labels. */
    Prepared prepare(String name, String model, List<TextLine> input, List<PairRow> pairs, double threshold) {
        String checkedName = DatasetNames.check(name);
        return new Prepared(checkedName, modelId(model), plan(input, pairs, threshold));
    }

    /** Refuses a model the catalogue does not know (404), for work that embeds only after it has answered. */
    void requireKnownModel(String modelId) {
        catalog.find(modelId);
    }

    private String modelId(String model) {
        return model == null || model.isBlank() ? models.defaultModel() : model.strip();
    }

    private SentencePlan plan(List<TextLine> input, List<PairRow> pairs, double threshold) {
        if (input.isEmpty()) throw new InvalidInputException("The dataset has no sentences.");
        return SentencePlan.of(List.of(), input, pairs, threshold, requestLimits.maxCharsPerSentence(),
                limits.maxSentences());
    }

    public Change append(long id, List<TextLine> input, List<PairRow> pairs, double threshold) {
        Dataset dataset = get(id);
        if (input.isEmpty() && pairs.isEmpty()) throw new InvalidInputException("There are no sentences to add.");
        List<String> before = sentences.texts(id);
        embeddings(dataset.model(), SentencePlan.of(before, input, pairs, threshold,
                requestLimits.maxCharsPerSentence(), limits.maxSentences()).added());
        Change change = transactions.execute(status -> {
            // Lock the dataset row so that two appends cannot claim the same positions.
            jdbc.sql("SELECT id FROM datasets WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                    .orElseThrow(() -> missing(id));
            List<String> existing = sentences.texts(id);
            SentencePlan plan = SentencePlan.of(existing, input, pairs, threshold,
                    requestLimits.maxCharsPerSentence(), limits.maxSentences());
            sentences.insert(id, existing.size(), plan.added());
            datasets.addDuplicates(id, plan.duplicates().size());
            int imported = labels.write(id, plan.labels(), Instant.now());
            return new Change(dataset, plan.added().size(), plan.duplicates(), imported, plan.identicalPairs());
        });
        events.publishEvent(new DatasetEvents.DatasetAppended(id));
        return change;
    }

    public Dataset get(long id) {
        return datasets.find(id).orElseThrow(() -> missing(id));
    }

    /** Input lines merged into sentences the dataset already had. */
    public int duplicates(long id) {
        return datasets.duplicates(id);
    }

    public List<Dataset> list() {
        return datasets.all();
    }

    public void delete(long id) {
        get(id);
        events.publishEvent(new DatasetEvents.DatasetDeleting(id));
        transactions.executeWithoutResult(status -> {
            get(id);
            datasets.delete(id);
        });
        events.publishEvent(new DatasetEvents.DatasetDeleted(id));
    }

    /**
     * Checks that sentence positions exist without reading the dataset's sentences: positions are 0..n-1, so
     * the largest one decides, against the count that {@link SentenceCounts} keeps after the first check.
     * 404 when the dataset is missing.
     *
     * @return -1 when every position exists, else the dataset's sentence count (for the caller's message)
     */
    public int checkPositions(long id, int largestPosition) {
        if (largestPosition < counts.known(id)) return -1;
        get(id);
        int count = sentences.count(id);
        counts.remember(id, count);
        return largestPosition < count ? -1 : count;
    }

    /** The sentence texts in order; 404 when the dataset is missing. */
    public List<String> sentences(long id) {
        get(id);
        return sentences.texts(id);
    }

    public int sentenceCount(long id) {
        return sentences.count(id);
    }

    /**
     * The dataset's unit vectors in sentence order, read from the embedding cache table; sentences missing there
     * are embedded. {@link DatasetEmbeddings} keeps them in memory: use it rather than this.
     */
    public Embeddings embeddings(long id) {
        return embeddings(get(id), sentences.count(id));
    }

    /**
     * The dataset's sentences under any model, through the cache: its own for null or blank, else a catalogue
     * model or an adapter (404 when unknown). A model that is not loaded yet loads on its first miss.
     * {@link DatasetEmbeddings#of(long, String)} keeps them in memory: use it rather than this.
     */
    public Embeddings embeddings(long id, String model) {
        Dataset dataset = get(id);
        return embeddings(dataset, modelOf(dataset, model), sentences.count(id));
    }

    /** The model id a request means: the dataset's own for null, blank or its own id; else the catalogue's. */
    String modelOf(Dataset dataset, String model) {
        return resolve(dataset, model).id();
    }

    /**
     * The model a request means, with its version, which memory kept for the dataset is keyed by. The dataset's
     * own model has version 0: an adapter cannot be deleted while a dataset uses it, so its id names one model.
     */
    ModelCatalog.Resolved resolve(Dataset dataset, String model) {
        boolean own = model == null || model.isBlank() || model.equals(dataset.model());
        return own ? own(dataset) : catalog.resolve(model);
    }

    static ModelCatalog.Resolved own(Dataset dataset) {
        return new ModelCatalog.Resolved(dataset.model(), 0);
    }

    /** The vectors of the dataset's first {@code size} sentences (all of them, unless an append runs meanwhile). */
    Embeddings embeddings(Dataset dataset, int size) {
        return embeddings(dataset, dataset.model(), size);
    }

    Embeddings embeddings(Dataset dataset, String modelId, int size) {
        int stored = Math.min(size, sentences.count(dataset.id()));
        return new Embeddings(modelId, embedder.ofDataset(modelId, dataset.id(), stored), List.of());
    }

    /** Vectors for texts, through the embedding cache table ({@link CachedEmbedder}). */
    float[][] embeddings(String model, List<String> texts) {
        return embedder.embed(model, texts, EmbedProgress.NONE);
    }

    static DomainException missing(long id) {
        return new NotFoundException("There is no dataset " + id + ".").with("datasetId", id);
    }
}

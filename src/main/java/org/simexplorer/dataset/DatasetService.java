package org.simexplorer.dataset;

import org.simexplorer.formats.PairResolver;
import org.simexplorer.formats.PairResolver.ResolvedPairs;
import org.simexplorer.formats.PairResolver.Unlabelled;
import org.simexplorer.formats.PairRow;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.formats.UploadParser;
import org.simexplorer.errors.TooLargeException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.simexplorer.formats.TextLine;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.ExtraModels;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.system.RequestLimits;
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

    private static final int MAX_NAME_LENGTH = 200;

    private final DatasetRepository datasets;
    private final SentenceRepository sentences;
    private final EmbeddingCache cache;
    private final DatasetLabels labels;
    private final SentenceEmbedder embedder;
    private final DatasetLimits limits;
    private final RequestLimits requestLimits;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ModelCatalog catalog;

    DatasetService(DatasetRepository datasets, SentenceRepository sentences, EmbeddingCache cache,
            DatasetLabels labels, SentenceEmbedder embedder, DatasetLimits limits, RequestLimits requestLimits,
            JdbcClient jdbc, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
            ModelCatalog catalog) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.sentences = sentences;
        this.cache = cache;
        this.labels = labels;
        this.embedder = embedder;
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
        String checkedName = checkName(name);
        String modelId = model == null || model.isBlank() ? embedder.defaultModel() : model.strip();
        if (input.isEmpty()) {
            throw new InvalidInputException("The dataset has no sentences.");
        }
        Plan plan = plan(List.of(), input, pairs, threshold);
        embeddings(modelId, plan.added(), progress);
        return transactions.execute(status -> {
            Dataset dataset = datasets.save(new Dataset(null, checkedName, modelId,
                    Instant.now().truncatedTo(ChronoUnit.MICROS)));
            sentences.insert(dataset.id(), 0, plan.added());
            int imported = labels.write(dataset.id(), plan.labels(), Instant.now());
            return new Change(dataset, plan.added().size(), plan.duplicates(), imported, plan.identicalPairs());
        });
    }

    public Change append(long id, List<TextLine> input, List<PairRow> pairs, double threshold) {
        Dataset dataset = get(id);
        if (input.isEmpty() && pairs.isEmpty()) {
            throw new InvalidInputException("There are no sentences to add.");
        }
        List<String> before = sentences.texts(id);
        embeddings(dataset.model(), plan(before, input, pairs, threshold).added());
        return transactions.execute(status -> {
            // Lock the dataset row so that two appends cannot claim the same positions.
            jdbc.sql("SELECT id FROM datasets WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
                    .orElseThrow(() -> missing(id));
            List<String> existing = sentences.texts(id);
            Plan plan = plan(existing, input, pairs, threshold);
            sentences.insert(id, existing.size(), plan.added());
            int imported = labels.write(id, plan.labels(), Instant.now());
            return new Change(dataset, plan.added().size(), plan.duplicates(), imported, plan.identicalPairs());
        });
    }

    public Dataset get(long id) {
        return datasets.findById(id).orElseThrow(() -> missing(id));
    }

    public List<Dataset> list() {
        return datasets.findAllByOrderByIdAsc();
    }

    public void delete(long id) {
        transactions.executeWithoutResult(status -> {
            get(id);
            datasets.deleteById(id);
        });
        events.publishEvent(new DatasetDeleted(id));
    }

    /** Published after a dataset is deleted, so that what is kept in memory for it can go. */
    public record DatasetDeleted(long datasetId) {
    }

    /** The sentence texts in order; 404 when the dataset is missing. */
    public List<String> sentences(long id) {
        get(id);
        return sentences.texts(id);
    }

    public int sentenceCount(long id) {
        return sentences.count(id);
    }

    /** The dataset's unit vectors in sentence order, from the cache; misses are embedded in one batch. */
    public Embeddings embeddings(long id) {
        return embeddings(id, null);
    }

    /** The dataset's sentences embedded with another catalogue model (404 when unknown); null for its own model. */
    public Embeddings embeddings(long id, String model) {
        Dataset dataset = get(id);
        boolean own = model == null || model.isBlank() || model.equals(dataset.model());
        String modelId = own ? dataset.model() : catalog.find(model).id();
        List<String> texts = sentences.texts(id);
        return new Embeddings(modelId, embeddings(modelId, texts), List.of());
    }

    /** Vectors for texts: cache hits as stored, misses embedded in one call per request limit and stored. */
    float[][] embeddings(String model, List<String> texts) {
        return embeddings(model, texts, EmbedProgress.NONE);
    }

    private float[][] embeddings(String model, List<String> texts, EmbedProgress progress) {
        Optional<ExtraModels.ExtraModel> extra = catalog.extra(model);
        if (extra.isPresent()) {
            // Only base vectors are cached: an extra model's output follows from them, and a deleted adapter's
            // name may later be given to a new one.
            return extra.get().apply(embeddings(extra.get().base(), texts, progress));
        }
        List<String> hashes = texts.stream().map(TextHash::sha256).toList();
        Map<String, float[]> found = new HashMap<>(cache.find(model, hashes));
        LinkedHashMap<String, String> missing = new LinkedHashMap<>();
        for (int k = 0; k < texts.size(); k++) {
            if (!found.containsKey(hashes.get(k))) missing.putIfAbsent(hashes.get(k), texts.get(k));
        }
        progress.embedded(texts.size() - missing.size(), texts.size());
        if (!missing.isEmpty()) {
            List<String> missHashes = new ArrayList<>(missing.keySet());
            List<String> missTexts = new ArrayList<>(missing.values());
            int batch = limits.embedChunk();
            for (int from = 0; from < missTexts.size(); from += batch) {
                int to = Math.min(missTexts.size(), from + batch);
                float[][] vectors = embedder.embed(missTexts.subList(from, to), model).vectors();
                Map<String, float[]> fresh = new LinkedHashMap<>();
                for (int k = from; k < to; k++) fresh.put(missHashes.get(k), vectors[k - from]);
                cache.store(model, fresh);
                found.putAll(fresh);
                progress.embedded(texts.size() - missing.size() + to, texts.size());
            }
        }
        float[][] result = new float[texts.size()][];
        for (int k = 0; k < texts.size(); k++) result[k] = found.get(hashes.get(k));
        return result;
    }

    private record Plan(List<String> added, List<Duplicate> duplicates, List<LabelledPair> labels,
            int identicalPairs) {
    }

    /** Works out what an upload adds to the existing sentences, and which labels its pairs set. */
    private Plan plan(List<String> existing, List<TextLine> input, List<PairRow> pairs, double threshold) {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int k = 0; k < existing.size(); k++) indexOf.put(existing.get(k), k);
        List<String> added = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        int maxChars = requestLimits.maxCharsPerSentence();
        for (TextLine sentence : input) {
            String text = sentence.text();
            if (text.isBlank()) {
                throw located(new InvalidInputException(where(sentence) + "the sentence is blank."), sentence);
            }
            if (text.length() > maxChars) {
                throw located(new InvalidInputException(where(sentence) + "the sentence has " + text.length()
                        + " characters; at most " + maxChars + " are allowed."), sentence).with("limit", maxChars);
            }
            Integer known = indexOf.get(text);
            if (known != null) {
                // Pair files repeat sentences on purpose; only report duplicates of stand-alone sentences.
                if (pairs.isEmpty()) duplicates.add(new Duplicate(text, known, sentence.line()));
                continue;
            }
            indexOf.put(text, existing.size() + added.size());
            added.add(text);
        }
        int total = existing.size() + added.size();
        if (total > limits.maxSentences()) {
            throw new TooLargeException("The dataset would have " + total + " sentences; at most "
                    + limits.maxSentences() + " are allowed.").with("limit", limits.maxSentences());
        }
        ResolvedPairs resolved = new PairResolver(indexOf, total).resolve(pairs, threshold, Unlabelled.SKIP);
        return new Plan(added, duplicates, resolved.labels(), resolved.identicalPairs());
    }

    private static String where(TextLine sentence) {
        return sentence.line() > 0 ? "Line " + sentence.line() + ": " : "";
    }

    private static DomainException located(DomainException e, TextLine sentence) {
        return sentence.line() > 0 ? e.with("line", sentence.line()) : e;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("'name' is missing: give the dataset a name.");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("'name' has " + stripped.length() + " characters; at most "
                    + MAX_NAME_LENGTH + " are allowed.");
        }
        return stripped;
    }

    static DomainException missing(long id) {
        return new NotFoundException("There is no dataset " + id + ".").with("datasetId", id);
    }
}

package org.simexplorer.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.simexplorer.dataset.DatasetService.EmbedProgress;
import org.simexplorer.embedding.ExtraModels;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.embedding.SentenceEmbedder;
import org.springframework.stereotype.Component;

/**
 * Embeds texts through the embedding cache table: hits as stored, misses embedded in chunks of
 * {@link DatasetLimits#embedChunk()} and stored. Each chunk takes the embedding permit on its own, so a
 * 5,000-sentence upload lets other embedding requests in between its chunks instead of holding the model.
 */
@Component
public class CachedEmbedder {

    private final EmbeddingCache cache;
    private final SentenceEmbedder embedder;
    private final DatasetLimits limits;
    private final ModelCatalog catalog;
    private final SentenceRepository sentences;

    CachedEmbedder(EmbeddingCache cache, SentenceEmbedder embedder, DatasetLimits limits, ModelCatalog catalog,
            SentenceRepository sentences) {
        this.cache = cache;
        this.sentences = sentences;
        this.catalog = catalog;
        this.embedder = embedder;
        this.limits = limits;
    }

    /** The model whose vectors the cache keeps for this one: an extra model's base, else the model itself. */
    String cacheModel(String model) {
        return catalog.extra(model).map(ExtraModels.ExtraModel::base).orElse(model);
    }

    /**
     * What one chunk of a job needs: {@code fresh}, the vectors the cache lacked, embedded under
     * {@code cacheModel} (see {@link #cacheModel}) and not stored yet (the caller stores them with its own rows in
     * one transaction); {@code vectors}, every text's vector in the texts' order, cached or fresh.
     */
    record Chunk(Map<String, float[]> fresh, float[][] vectors) {
    }

    Chunk chunk(String cacheModel, List<String> texts) {
        List<String> hashes = texts.stream().map(TextHash::sha256).toList();
        Map<String, float[]> found = cache.find(cacheModel, hashes);
        LinkedHashMap<String, String> missing = new LinkedHashMap<>();
        for (int k = 0; k < texts.size(); k++) {
            if (!found.containsKey(hashes.get(k))) missing.putIfAbsent(hashes.get(k), texts.get(k));
        }
        Map<String, float[]> fresh = new LinkedHashMap<>();
        if (!missing.isEmpty()) {
            List<String> missHashes = new ArrayList<>(missing.keySet());
            float[][] embedded = embedder.embed(new ArrayList<>(missing.values()), cacheModel).vectors();
            for (int k = 0; k < embedded.length; k++) fresh.put(missHashes.get(k), embedded[k]);
        }
        float[][] vectors = new float[texts.size()][];
        for (int k = 0; k < texts.size(); k++) {
            float[] cached = found.get(hashes.get(k));
            vectors[k] = cached != null ? cached : fresh.get(hashes.get(k));
        }
        return new Chunk(fresh, vectors);
    }

    /**
     * The vectors of a dataset's first {@code size} sentences under a model: those the cache table has, read by
     * the sentences' stored hashes; any it lacks (a model's first use on the dataset) embedded through
     * {@link #embed} and stored.
     */
    float[][] ofDataset(String model, long datasetId, int size) {
        Optional<ExtraModels.ExtraModel> extra = catalog.extra(model);
        if (extra.isPresent()) return extra.get().apply(ofDataset(extra.get().base(), datasetId, size));
        float[][] vectors = cache.ofDataset(model, datasetId, size);
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < vectors.length; k++) {
            if (vectors[k] == null) missing.add(k);
        }
        if (missing.isEmpty()) return vectors;
        List<String> texts = sentences.texts(datasetId, 0, size);
        float[][] fresh = embed(model, missing.stream().map(texts::get).toList(), EmbedProgress.NONE);
        for (int k = 0; k < fresh.length; k++) vectors[missing.get(k)] = fresh[k];
        return vectors;
    }

    float[][] embed(String model, List<String> texts, EmbedProgress progress) {
        Optional<ExtraModels.ExtraModel> extra = catalog.extra(model);
        if (extra.isPresent()) {
            // Only base vectors are cached: an extra model's output follows from them, and a deleted adapter's
            // name may later be given to a new one.
            return extra.get().apply(embed(extra.get().base(), texts, progress));
        }
        List<String> hashes = texts.stream().map(TextHash::sha256).toList();
        Map<String, float[]> found = new HashMap<>(cache.find(model, hashes));
        LinkedHashMap<String, String> missing = new LinkedHashMap<>();
        for (int k = 0; k < texts.size(); k++) {
            if (!found.containsKey(hashes.get(k))) missing.putIfAbsent(hashes.get(k), texts.get(k));
        }
        progress.embedded(texts.size() - missing.size(), texts.size());
        List<String> missHashes = new ArrayList<>(missing.keySet());
        List<String> missTexts = new ArrayList<>(missing.values());
        int chunk = limits.embedChunk();
        for (int from = 0; from < missTexts.size(); from += chunk) {
            int to = Math.min(missTexts.size(), from + chunk);
            float[][] vectors = embedder.embed(missTexts.subList(from, to), model).vectors();
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int k = from; k < to; k++) fresh.put(missHashes.get(k), vectors[k - from]);
            cache.store(model, fresh);
            found.putAll(fresh);
            progress.embedded(texts.size() - missing.size() + to, texts.size());
        }
        float[][] result = new float[texts.size()][];
        for (int k = 0; k < texts.size(); k++) result[k] = found.get(hashes.get(k));
        return result;
    }
}

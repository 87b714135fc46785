package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.simexplorer.labels.Label;
import org.simexplorer.labels.LabelRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Repository behaviour that must hold on every supported database; subclasses pick the database. */
abstract class StorageContract {

    @Autowired
    DatasetRepository datasets;
    @Autowired
    SentenceRepository sentences;
    @Autowired
    EmbeddingCache cache;
    @Autowired
    LabelRepository labels;
    @Autowired
    JdbcClient jdbc;

    private Dataset newDataset(String name) {
        return datasets.insert(name, "all-minilm-l6-v2", Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void datasetRoundTrip() {
        Instant created = Instant.parse("2026-11-26T20:00:00.123456Z");
        Dataset saved = datasets.insert("Démo 数据", "bge-small-zh-v15", created);
        assertThat(saved.id()).isNotNull();
        Dataset loaded = datasets.find(saved.id()).orElseThrow();
        assertThat(loaded).isEqualTo(new Dataset(saved.id(), "Démo 数据", "bge-small-zh-v15", created));
        assertThat(datasets.all()).extracting(Dataset::id).contains(saved.id());
    }

    @Test
    void sentencesKeepOrderAndUnicode() {
        Dataset dataset = newDataset("s");
        sentences.insert(dataset.id(), 0, List.of("first", "第二句", "third, with \"quotes\"\nand a newline"));
        sentences.insert(dataset.id(), 3, List.of("fourth"));
        assertThat(sentences.texts(dataset.id()))
                .containsExactly("first", "第二句", "third, with \"quotes\"\nand a newline", "fourth");
        assertThat(sentences.count(dataset.id())).isEqualTo(4);
        assertThat(sentences.hashes(dataset.id()).get(1)).isEqualTo(TextHash.sha256("第二句"));
    }

    @Test
    void aTextAppearsOncePerDataset() {
        Dataset dataset = newDataset("dup");
        sentences.insert(dataset.id(), 0, List.of("same"));
        assertThatThrownBy(() -> sentences.insert(dataset.id(), 1, List.of("same")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void longSentencesFit() {
        Dataset dataset = newDataset("long");
        String longText = "word ".repeat(2000);
        sentences.insert(dataset.id(), 0, List.of(longText));
        assertThat(sentences.texts(dataset.id())).containsExactly(longText);
    }

    @Test
    void embeddingCacheStoresFloat32LittleEndian() {
        float[] vector = {0.5f, -1.25f, Float.MIN_VALUE, 3.4e38f};
        String hash = TextHash.sha256("cache me " + System.nanoTime());
        cache.store("model-a", Map.of(hash, vector));
        assertThat(cache.find("model-a", List.of(hash)).get(hash)).containsExactly(vector);
        assertThat(cache.find("model-b", List.of(hash))).isEmpty();
        byte[] stored = jdbc.sql("SELECT vector FROM embedding_cache WHERE model = ? AND sha256 = ?")
                .params("model-a", hash).query(byte[].class).single();
        assertThat(stored).hasSize(16);
        // 0.5f is 0x3F000000: little-endian puts 0x3F last.
        assertThat(stored[3]).isEqualTo((byte) 0x3F);
        assertThat(jdbc.sql("SELECT dimension FROM embedding_cache WHERE model = ? AND sha256 = ?")
                .params("model-a", hash).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void storingAnExistingEmbeddingAgainKeepsOneRow() {
        String hash = TextHash.sha256("again " + System.nanoTime());
        cache.store("model-a", Map.of(hash, new float[] {1, 2}));
        cache.store("model-a", Map.of(hash, new float[] {1, 2}));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM embedding_cache WHERE sha256 = ?").param(hash)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void cacheLooksUpManyHashesAcrossChunks() {
        Map<String, float[]> many = new java.util.HashMap<>();
        String salt = Long.toString(System.nanoTime());
        for (int k = 0; k < 1200; k++) many.put(TextHash.sha256(salt + k), new float[] {k});
        cache.store("model-many", many);
        Map<String, float[]> found = cache.find("model-many", many.keySet());
        assertThat(found).hasSize(1200);
        assertThat(found.get(TextHash.sha256(salt + 777))).containsExactly(777f);
    }

    @Test
    void aDatasetsVectorsComeInPositionOrderAcrossChunksWithNullWhereTheCacheHasNone() {
        Dataset dataset = newDataset("vectors");
        String salt = Long.toString(System.nanoTime());
        List<String> texts = java.util.stream.IntStream.range(0, 9000).mapToObj(k -> salt + " sentence " + k).toList();
        sentences.insert(dataset.id(), 0, texts);
        Map<String, float[]> stored = new java.util.HashMap<>();
        for (int k = 0; k < texts.size(); k++) {
            if (k != 4100 && k != 8999) stored.put(TextHash.sha256(texts.get(k)), new float[] {k, k + 0.5f});
        }
        cache.store("model-join", stored);
        cache.store("model-other", Map.of(TextHash.sha256(texts.get(4100)), new float[] {1, 1}));

        float[][] vectors = cache.ofDataset("model-join", dataset.id(), 9000);
        assertThat(vectors).hasNumberOfRows(9000);
        assertThat(vectors[0]).containsExactly(0f, 0.5f);
        assertThat(vectors[4095]).containsExactly(4095f, 4095.5f);
        assertThat(vectors[4096]).containsExactly(4096f, 4096.5f);
        assertThat(vectors[4100]).as("another model's vector is not this one's").isNull();
        assertThat(vectors[8999]).isNull();
        assertThat(cache.ofDataset("model-join", dataset.id(), 10)).hasNumberOfRows(10);
        assertThat(cache.ofDataset("model-join", dataset.id(), 10)[9]).containsExactly(9f, 9.5f);
    }

    @Test
    void labelsUpsertKeepCreatedAtAndDelete() {
        Dataset dataset = newDataset("labels");
        sentences.insert(dataset.id(), 0, List.of("a", "b", "c"));
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        Instant later = Instant.parse("2026-01-02T00:00:00Z");
        labels.upsert(dataset.id(), 0, 2, 1, first);
        labels.upsert(dataset.id(), 0, 2, -1, later);
        labels.upsert(dataset.id(), 1, 2, 1, later);
        List<Label> all = labels.list(dataset.id());
        assertThat(all).containsExactly(new Label(0, 2, -1, first, later), new Label(1, 2, 1, later, later));
        assertThat(labels.count(dataset.id())).isEqualTo(2);
        assertThat(labels.countPositive(dataset.id())).isEqualTo(1);
        assertThat(labels.delete(dataset.id(), 0, 2)).isTrue();
        assertThat(labels.delete(dataset.id(), 0, 2)).isFalse();
        assertThat(labels.list(dataset.id())).containsExactly(new Label(1, 2, 1, later, later));
    }

    @Test
    void theDatabaseRejectsUnorderedPairsAndOtherValues() {
        Dataset dataset = newDataset("checks");
        Instant now = Instant.now();
        assertThatThrownBy(() -> labels.upsert(dataset.id(), 2, 1, 1, now))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> labels.upsert(dataset.id(), 0, 1, 2, now))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deletingADatasetDeletesItsSentencesAndLabels() {
        Dataset dataset = newDataset("gone");
        sentences.insert(dataset.id(), 0, List.of("x", "y"));
        labels.upsert(dataset.id(), 0, 1, 1, Instant.now());
        datasets.delete(dataset.id());
        assertThat(datasets.find(dataset.id())).isEmpty();
        assertThat(sentences.count(dataset.id())).isZero();
        assertThat(labels.count(dataset.id())).isZero();
    }
}

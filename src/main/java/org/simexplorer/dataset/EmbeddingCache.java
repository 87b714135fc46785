package org.simexplorer.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

/** Stored embeddings keyed by (model id, SHA-256 of the text); vectors are float32 little-endian bytes. */
@Repository
public class EmbeddingCache {

    private static final int LOOKUP_CHUNK = 500;
    private static final int DATASET_CHUNK = 4096;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    EmbeddingCache(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The cached vectors among the given hashes, by hash; misses are absent. */
    public Map<String, float[]> find(String model, Collection<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        List<String> all = new ArrayList<>(hashes);
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            // A row-value IN, because H2 uses only the key's first column for "model = ? AND sha256 IN (...)"
            // and then scans every row of the model once per chunk; (model, sha256) IN (...) seeks each key.
            List<Object> keys = new ArrayList<>(2 * chunk.size());
            for (String hash : chunk) {
                keys.add(model);
                keys.add(hash);
            }
            String rows = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)"));
            jdbc.sql("SELECT sha256, vector FROM embedding_cache WHERE (model, sha256) IN (" + rows + ")")
                    .params(keys)
                    .query((rs, row) -> {
                        found.put(rs.getString(1), decode(rs.getBytes(2)));
                        return null;
                    }).list();
        }
        return found;
    }

    /**
     * The cached vectors of a dataset's first {@code size} sentences in position order, joined on the sentences'
     * stored hashes: no text is read or hashed. A sentence whose vector is not cached is null. Read a range of
     * positions at a time, so that no query holds all the vectors at once.
     */
    public float[][] ofDataset(String model, long datasetId, int size) {
        float[][] vectors = new float[size][];
        for (int from = 0; from < size; from += DATASET_CHUNK) {
            jdbc.sql("SELECT s.position, e.vector FROM sentences s JOIN embedding_cache e"
                    + " ON e.model = ? AND e.sha256 = s.sha256"
                    + " WHERE s.dataset_id = ? AND s.position >= ? AND s.position < ?")
                    .params(model, datasetId, from, Math.min(size, from + DATASET_CHUNK))
                    .query(rs -> {
                        vectors[rs.getInt(1)] = decode(rs.getBytes(2));
                    });
        }
        return vectors;
    }

    /**
     * Stores vectors in one transaction. A row another request stored meanwhile is skipped: same model and
     * same text give the same vector.
     */
    public void store(String model, Map<String, float[]> vectorsByHash) {
        List<Map.Entry<String, float[]>> rows = new ArrayList<>(vectorsByHash.entrySet());
        try {
            insertMissing(model, rows);
        } catch (DuplicateKeyException raced) {
            insertMissing(model, rows);
        }
    }

    private void insertMissing(String model, List<Map.Entry<String, float[]>> rows) {
        transactions.executeWithoutResult(status -> insert(model, rows));
    }

    /**
     * Stores vectors in the caller's transaction, skipping rows that are there. A row another transaction
     * stores at the same moment fails it with DuplicateKeyException; the caller retries.
     */
    void storeInTransaction(String model, Map<String, float[]> vectorsByHash) {
        insert(model, new ArrayList<>(vectorsByHash.entrySet()));
    }

    private void insert(String model, List<Map.Entry<String, float[]>> rows) {
        template.batchUpdate("""
                MERGE INTO embedding_cache AS t
                USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS CHAR(64)), CAST(? AS INT), CAST(? AS BYTEA)))
                    AS s (model, sha256, dimension, vector)
                ON t.model = s.model AND t.sha256 = s.sha256
                WHEN NOT MATCHED THEN INSERT (model, sha256, dimension, vector)
                    VALUES (s.model, s.sha256, s.dimension, s.vector)""",
                rows, 500, (statement, row) -> {
                    statement.setString(1, model);
                    statement.setString(2, row.getKey());
                    statement.setInt(3, row.getValue().length);
                    statement.setBytes(4, encode(row.getValue()));
                });
    }

    public int count(String model) {
        return jdbc.sql("SELECT COUNT(*) FROM embedding_cache WHERE model = ?").param(model)
                .query(Integer.class).single();
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}

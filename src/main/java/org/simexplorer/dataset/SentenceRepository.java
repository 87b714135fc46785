package org.simexplorer.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A dataset's sentences by position. Bulk inserts go through JDBC batches, not one aggregate save. */
@Repository
public class SentenceRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SentenceRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The texts in position order. */
    public List<String> texts(long datasetId) {
        // Each text read as it is: a mapper to a required type checks and converts every one of 100,000 rows.
        List<String> texts = new ArrayList<>();
        template.query("SELECT text FROM sentences WHERE dataset_id = ? ORDER BY position",
                (RowCallbackHandler) row -> texts.add(row.getString(1)), datasetId);
        return texts;
    }

    /** The texts at positions from (inclusive) to (exclusive), in position order. */
    List<String> texts(long datasetId, int from, int to) {
        return jdbc.sql("SELECT text FROM sentences WHERE dataset_id = ? AND position >= ? AND position < ?"
                + " ORDER BY position").params(datasetId, from, to).query(String.class).list();
    }

    /** The SHA-256 hashes in position order. */
    public List<String> hashes(long datasetId) {
        return jdbc.sql("SELECT sha256 FROM sentences WHERE dataset_id = ? ORDER BY position")
                .param(datasetId).query(String.class).list();
    }

    public int count(long datasetId) {
        return jdbc.sql("SELECT COUNT(*) FROM sentences WHERE dataset_id = ?")
                .param(datasetId).query(Integer.class).single();
    }

    /** Appends texts at positions firstPosition, firstPosition+1, ... */
    public void insert(long datasetId, int firstPosition, List<String> texts) {
        List<Integer> offsets = IntStream.range(0, texts.size()).boxed().toList();
        template.batchUpdate("INSERT INTO sentences (dataset_id, position, text, sha256) VALUES (?, ?, ?, ?)",
                offsets, 500, (statement, offset) -> {
                    String text = texts.get(offset);
                    statement.setLong(1, datasetId);
                    statement.setInt(2, firstPosition + offset);
                    statement.setString(3, text);
                    statement.setString(4, TextHash.sha256(text));
                });
    }
}

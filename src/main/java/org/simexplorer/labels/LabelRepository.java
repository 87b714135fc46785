package org.simexplorer.labels;

import org.simexplorer.dataset.DatasetLabels;
import org.simexplorer.loss.LabelledPair;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pair labels; callers pass i &lt; j. Writes run inside the caller's transaction. */
@Repository
public class LabelRepository implements DatasetLabels {

    private final JdbcClient jdbc;

    LabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the label of (i, j), keeping created_at when it already existed. One standard MERGE, on H2 and
     * PostgreSQL alike. Under PostgreSQL's READ COMMITTED two concurrent MERGEs of the same new pair can both take
     * the insert branch; the second then fails on the primary key, which LabelWriter retries once.
     */
    public void upsert(long datasetId, int i, int j, int label, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                MERGE INTO labels AS t
                USING (VALUES (CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS INT), CAST(? AS INT),
                               CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (dataset_id, i, j, label, at)
                ON t.dataset_id = s.dataset_id AND t.i = s.i AND t.j = s.j
                WHEN MATCHED THEN UPDATE SET label = s.label, updated_at = s.at
                WHEN NOT MATCHED THEN INSERT (dataset_id, i, j, label, created_at, updated_at)
                    VALUES (s.dataset_id, s.i, s.j, s.label, s.at, s.at)""")
                .params(datasetId, i, j, label, at).update();
    }

    /** Inserts a label with the times it already had, as when a dataset is restored from an export. */
    public void insertWithTimes(long datasetId, int i, int j, int label, Instant createdAt, Instant updatedAt) {
        jdbc.sql("""
                INSERT INTO labels (dataset_id, i, j, label, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(datasetId, i, j, label, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC)).update();
    }

    /** Returns true when there was a label to remove. */
    public boolean delete(long datasetId, int i, int j) {
        return jdbc.sql("DELETE FROM labels WHERE dataset_id = ? AND i = ? AND j = ?")
                .params(datasetId, i, j).update() > 0;
    }

    /** All labels of a dataset, ordered by (i, j). */
    public List<Label> list(long datasetId) {
        return jdbc.sql("""
                SELECT i, j, label, created_at, updated_at FROM labels
                WHERE dataset_id = ? ORDER BY i, j""")
                .param(datasetId)
                .query((rs, row) -> new Label(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    public int count(long datasetId) {
        return jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ?").param(datasetId)
                .query(Integer.class).single();
    }

    public int countPositive(long datasetId) {
        return jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ? AND label = 1").param(datasetId)
                .query(Integer.class).single();
    }

    @Override
    public int write(long datasetId, List<LabelledPair> pairs, Instant now) {
        pairs.forEach(pair -> upsert(datasetId, pair.i(), pair.j(), pair.label(), now));
        return pairs.size();
    }

    @Override
    public LabelCounts counts(long datasetId) {
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN label = 1 THEN 1 ELSE 0 END), 0) FROM labels
                WHERE dataset_id = ?""")
                .param(datasetId)
                .query((rs, row) -> new LabelCounts(rs.getInt(1), rs.getInt(2))).single();
    }
}

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

    /** Sets the label of (i, j), keeping created_at when it already existed. Returns true when it was new. */
    public boolean upsert(long datasetId, int i, int j, int label, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = jdbc.sql("""
                UPDATE labels SET label = ?, updated_at = ?
                WHERE dataset_id = ? AND i = ? AND j = ?""")
                .params(label, at, datasetId, i, j).update();
        if (updated > 0) return false;
        jdbc.sql("""
                INSERT INTO labels (dataset_id, i, j, label, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(datasetId, i, j, label, at, at).update();
        return true;
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

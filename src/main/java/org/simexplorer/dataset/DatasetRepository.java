package org.simexplorer.dataset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The datasets table. Plain JDBC like the other repositories: Spring Data's mapping machinery for this one
 * table cost about a thousand classes at every start.
 */
@Repository
public class DatasetRepository {

    private static final String COLUMNS = "SELECT id, name, model, created_at FROM datasets";

    private final JdbcClient jdbc;

    DatasetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a complete dataset and returns it with the id the database gave it. */
    public Dataset insert(String name, String model, Instant createdAt) {
        return insert(name, model, createdAt, true, 0);
    }

    /**
     * Inserts a dataset; an incomplete one (a job is still storing it) is left out of {@link #all()}.
     * {@code duplicates} counts the input lines dropped because their text was already there.
     */
    public Dataset insert(String name, String model, Instant createdAt, boolean complete, int duplicates) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO datasets (name, model, created_at, complete, duplicates) VALUES (?, ?, ?, ?, ?)")
                .params(name, model, createdAt.atOffset(ZoneOffset.UTC), complete, duplicates)
                .update(keys, "id");
        return new Dataset(keys.getKey().longValue(), name, model, createdAt);
    }

    /** Marks a job's dataset complete; false when it is gone (deleted meanwhile). */
    boolean markComplete(long id) {
        return jdbc.sql("UPDATE datasets SET complete = TRUE WHERE id = ?").param(id).update() > 0;
    }

    /** Input lines merged into sentences the dataset already had, at its creation and at each append. */
    public int duplicates(long id) {
        return jdbc.sql("SELECT duplicates FROM datasets WHERE id = ?").param(id).query(Integer.class).optional()
                .orElse(0);
    }

    void addDuplicates(long id, int count) {
        if (count > 0) {
            jdbc.sql("UPDATE datasets SET duplicates = duplicates + ? WHERE id = ?").params(count, id).update();
        }
    }

    public Optional<Dataset> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(DatasetRepository::dataset).optional();
    }

    /** Every complete dataset, oldest first. */
    public List<Dataset> all() {
        return jdbc.sql(COLUMNS + " WHERE complete ORDER BY id").query(DatasetRepository::dataset).list();
    }

    /** Deletes a dataset with its sentences and labels (the foreign keys cascade); false when there was none. */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM datasets WHERE id = ?").param(id).update() > 0;
    }

    private static Dataset dataset(ResultSet row, int number) throws SQLException {
        return new Dataset(row.getLong("id"), row.getString("name"), row.getString("model"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}

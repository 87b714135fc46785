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

    /** Inserts a dataset and returns it with the id the database gave it. */
    public Dataset insert(String name, String model, Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO datasets (name, model, created_at) VALUES (?, ?, ?)")
                .params(name, model, createdAt.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new Dataset(keys.getKey().longValue(), name, model, createdAt);
    }

    public Optional<Dataset> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(DatasetRepository::dataset).optional();
    }

    /** Every dataset, oldest first. */
    public List<Dataset> all() {
        return jdbc.sql(COLUMNS + " ORDER BY id").query(DatasetRepository::dataset).list();
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

package org.simexplorer.dataset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dataset_jobs table: a job's state and progress are in its row, so they outlive the process that ran it.
 * The owner and heartbeat columns say which instance runs a job and when it was last seen alive.
 */
@Repository
class DatasetJobRepository {

    /** One row. */
    record JobRow(String id, String name, String model, JobState state, Long datasetId, int total, int embedded,
            int duplicates, Integer errorStatus, String errorDetail, boolean dismissed, Instant createdAt,
            Instant startedAt, Instant finishedAt) {
    }

    private static final String COLUMNS = "SELECT id, name, model, state, dataset_id, total, embedded, duplicates,"
            + " error_status, error_detail, dismissed, created_at, started_at, finished_at FROM dataset_jobs";

    private final JdbcClient jdbc;

    DatasetJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertQueued(String id, String name, String model, int total, int duplicates, String owner, Instant now) {
        jdbc.sql("INSERT INTO dataset_jobs (id, name, model, state, total, embedded, duplicates, owner, heartbeat_at,"
                + " created_at) VALUES (?, ?, ?, 'QUEUED', ?, 0, ?, ?, ?, ?)")
                .params(id, name, model, total, duplicates, owner, at(now), at(now)).update();
    }

    /** Marks the job running on the dataset it fills (in the caller's transaction, with the dataset's rows). */
    void started(String id, long datasetId, Instant now) {
        jdbc.sql("UPDATE dataset_jobs SET state = 'RUNNING', dataset_id = ?, started_at = ?, heartbeat_at = ?"
                + " WHERE id = ?").params(datasetId, at(now), at(now), id).update();
    }

    /** Moves the chunk cursor: every position below {@code embedded} is stored with its vector. */
    void progressed(String id, int embedded, Instant now) {
        jdbc.sql("UPDATE dataset_jobs SET embedded = ?, heartbeat_at = ? WHERE id = ?")
                .params(embedded, at(now), id).update();
    }

    void finished(String id, JobState state, Integer errorStatus, String errorDetail, Instant now) {
        String detail = errorDetail == null || errorDetail.length() <= 2000 ? errorDetail
                : errorDetail.substring(0, 2000);
        jdbc.sql("UPDATE dataset_jobs SET state = ?, error_status = ?, error_detail = ?, finished_at = ?,"
                + " heartbeat_at = ? WHERE id = ?")
                .params(state.name(), errorStatus, detail, at(now), at(now), id).update();
    }

    /**
     * Marks interrupted every job left queued or running by an instance other than {@code owner}. With one
     * instance, every such row at start-up was cut off when the previous process ended.
     *
     * @return how many rows it marked
     */
    int interruptOthers(String owner, Instant now) {
        return jdbc.sql("UPDATE dataset_jobs SET state = 'INTERRUPTED', finished_at = ?, error_detail = ?"
                + " WHERE state IN ('QUEUED', 'RUNNING') AND (owner IS NULL OR owner <> ?)")
                .params(at(now), "The app stopped before this job finished.", owner).update();
    }

    void dismiss(String id) {
        jdbc.sql("UPDATE dataset_jobs SET dismissed = TRUE WHERE id = ?").param(id).update();
    }

    Optional<JobRow> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(DatasetJobRepository::row).optional();
    }

    /** Jobs the home page shows: running and waiting ones, and interrupted ones not dismissed, oldest first. */
    List<JobRow> unfinished() {
        return jdbc.sql(COLUMNS + " WHERE state IN ('QUEUED', 'RUNNING') OR state = 'INTERRUPTED' AND NOT dismissed"
                + " ORDER BY created_at").query(DatasetJobRepository::row).list();
    }

    /** The job filling a dataset, when one is queued or running. */
    Optional<String> runningOn(long datasetId) {
        return jdbc.sql("SELECT id FROM dataset_jobs WHERE dataset_id = ? AND state IN ('QUEUED', 'RUNNING')")
                .param(datasetId).query(String.class).optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static JobRow row(ResultSet row, int number) throws SQLException {
        long datasetId = row.getLong("dataset_id");
        Long dataset = row.wasNull() ? null : datasetId;
        int errorStatus = row.getInt("error_status");
        Integer status = row.wasNull() ? null : errorStatus;
        return new JobRow(row.getString("id"), row.getString("name"), row.getString("model"),
                JobState.valueOf(row.getString("state")), dataset, row.getInt("total"), row.getInt("embedded"),
                row.getInt("duplicates"), status, row.getString("error_detail"), row.getBoolean("dismissed"),
                instant(row, "created_at"), instant(row, "started_at"), instant(row, "finished_at"));
    }
}

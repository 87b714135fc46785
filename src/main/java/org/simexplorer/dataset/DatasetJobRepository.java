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
 * The dataset_jobs table: a job's state, progress and cancellation are in its row, so that any instance can run
 * it, resume it from its cursor, stream its progress or cancel it. The owner is the instance whose run last
 * claimed the job; a run writes only while it is still the owner and no cancellation was asked for.
 */
@Repository
class DatasetJobRepository {

    /** One row. */
    record JobRow(String id, String name, String model, JobState state, Long datasetId, int total, int embedded,
            int duplicates, Integer errorStatus, String errorDetail, boolean dismissed, Instant createdAt,
            Instant startedAt, Instant finishedAt, String owner, Instant heartbeatAt, boolean cancelRequested,
            int resumes, Instant runStartedAt, int runFrom) {
    }

    private static final String UNFINISHED = "('QUEUED', 'RUNNING')";
    private static final String COLUMNS = "SELECT id, name, model, state, dataset_id, total, embedded, duplicates,"
            + " error_status, error_detail, dismissed, created_at, started_at, finished_at, owner, heartbeat_at,"
            + " cancel_requested, resumes, run_started_at, run_from FROM dataset_jobs";

    private final JdbcClient jdbc;

    DatasetJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job waiting to be claimed, on the incomplete dataset that holds its sentences. */
    void insertQueued(String id, String name, String model, Long datasetId, int total, int duplicates,
            Instant now) {
        jdbc.sql("INSERT INTO dataset_jobs (id, name, model, state, dataset_id, total, embedded, duplicates,"
                + " heartbeat_at, created_at) VALUES (?, ?, ?, 'QUEUED', ?, ?, 0, ?, ?, ?)")
                .params(id, name, model, datasetId, total, duplicates, at(now), at(now)).update();
    }

    /**
     * A run of {@code owner} takes the job from its cursor: it is running, and a resumption when it ran before.
     *
     * @return false when the job has ended or its cancellation was asked for meanwhile
     */
    boolean claim(String id, String owner, int from, boolean resumption, Instant now) {
        return jdbc.sql("UPDATE dataset_jobs SET state = 'RUNNING', owner = ?, started_at = COALESCE(started_at, ?),"
                + " run_started_at = ?, run_from = ?, heartbeat_at = ?, resumes = resumes + ? WHERE id = ?"
                + " AND state IN " + UNFINISHED + " AND NOT cancel_requested")
                .params(owner, at(now), at(now), from, at(now), resumption ? 1 : 0, id).update() == 1;
    }

    /**
     * Moves the chunk cursor: every position below {@code embedded} is stored with its vector.
     *
     * @return false when the run no longer owns the job or a cancellation was asked for: it must stop
     */
    boolean progressed(String id, String owner, int embedded, Instant now) {
        return jdbc.sql("UPDATE dataset_jobs SET embedded = ?, heartbeat_at = ? WHERE id = ? AND owner = ?"
                + " AND state = 'RUNNING' AND NOT cancel_requested")
                .params(embedded, at(now), id, owner).update() == 1;
    }

    /** Shows that the run is alive while it waits for the model. */
    void beat(String id, String owner, Instant now) {
        jdbc.sql("UPDATE dataset_jobs SET heartbeat_at = ? WHERE id = ? AND owner = ?").params(at(now), id, owner)
                .update();
    }

    /** Asks the run of an unfinished job to stop; false when the job has ended already. */
    boolean requestCancel(String id) {
        return jdbc.sql("UPDATE dataset_jobs SET cancel_requested = TRUE WHERE id = ? AND state IN " + UNFINISHED)
                .param(id).update() == 1;
    }

    /** Ends an unfinished job; false when it had ended already (the first end stays). */
    boolean finished(String id, JobState state, Integer errorStatus, String errorDetail, Instant now) {
        String detail = errorDetail == null || errorDetail.length() <= 2000 ? errorDetail
                : errorDetail.substring(0, 2000);
        return jdbc.sql("UPDATE dataset_jobs SET state = ?, error_status = ?, error_detail = ?, finished_at = ?,"
                + " heartbeat_at = ? WHERE id = ? AND state IN " + UNFINISHED)
                .params(state.name(), errorStatus, detail, at(now), at(now), id).update() == 1;
    }

    /** Marks the job done unless its cancellation was asked for; false then. */
    boolean done(String id, Instant now) {
        return jdbc.sql("UPDATE dataset_jobs SET state = 'DONE', finished_at = ?, heartbeat_at = ? WHERE id = ?"
                + " AND state = 'RUNNING' AND NOT cancel_requested").params(at(now), at(now), id).update() == 1;
    }

    void dismiss(String id) {
        jdbc.sql("UPDATE dataset_jobs SET dismissed = TRUE WHERE id = ?").param(id).update();
    }

    Optional<JobRow> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(DatasetJobRepository::row).optional();
    }

    /**
     * Jobs the home page shows: queued and running ones, and those that failed or were interrupted and are not
     * dismissed, oldest first.
     */
    List<JobRow> listed() {
        return jdbc.sql(COLUMNS + " WHERE state IN " + UNFINISHED + " OR state IN ('FAILED', 'INTERRUPTED')"
                + " AND NOT dismissed ORDER BY created_at").query(DatasetJobRepository::row).list();
    }

    /** The ids of the queued and running jobs, on every instance. */
    List<String> unfinishedIds() {
        return jdbc.sql("SELECT id FROM dataset_jobs WHERE state IN " + UNFINISHED + " ORDER BY created_at")
                .query(String.class).list();
    }

    /** Queued and running jobs on every instance: what the overload rule counts. */
    int countUnfinished() {
        return jdbc.sql("SELECT COUNT(*) FROM dataset_jobs WHERE state IN " + UNFINISHED).query(Integer.class)
                .single();
    }

    /** The job filling a dataset, when one is queued or running. */
    Optional<String> runningOn(long datasetId) {
        return jdbc.sql("SELECT id FROM dataset_jobs WHERE dataset_id = ? AND state IN " + UNFINISHED)
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
                instant(row, "created_at"), instant(row, "started_at"), instant(row, "finished_at"),
                row.getString("owner"), instant(row, "heartbeat_at"), row.getBoolean("cancel_requested"),
                row.getInt("resumes"), instant(row, "run_started_at"), row.getInt("run_from"));
    }
}

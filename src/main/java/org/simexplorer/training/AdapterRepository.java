package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The adapters table: settings, progress, curve and metrics as JSON text, W as float32 little-endian bytes. */
@Repository
class AdapterRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, dataset_id, base_model, name, loss, params, rank_form, steps, learning_rate, regularization,
            validation_fraction, split_seed, train_pairs, validation_pairs, left_out_pairs, status, step, best_step,
            curve, before_metrics, after_metrics, failure, dimension, output_dimension""";

    private final JdbcClient jdbc;

    AdapterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a queued adapter and returns its id. */
    long insert(AdapterRecord a) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO adapters (dataset_id, base_model, name, loss, params, rank_form, steps, learning_rate,
                    regularization, validation_fraction, split_seed, train_pairs, validation_pairs, left_out_pairs,
                    status, step, curve, dimension, output_dimension, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '[]', ?, ?, ?, ?)""")
                .params(a.datasetId(), a.base(), a.name(), a.loss(), json(a.params()), a.rank(), a.steps(),
                        a.learningRate(), a.regularization(), a.validationFraction(), a.seed(),
                        a.split().trainPairs(), a.split().validationPairs(), a.split().leftOutPairs(),
                        AdapterRecord.Status.QUEUED.wire(), a.dimension(), a.outputDimension(), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Inserts a finished adapter as it was exported elsewhere, with its curve, metrics, W and times; returns its
     * id. The unique (base, name) makes a taken name a {@link org.springframework.dao.DuplicateKeyException}.
     */
    long insertDone(AdapterRecord a, float[] w, Instant createdAt, Instant updatedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO adapters (dataset_id, base_model, name, loss, params, rank_form, steps, learning_rate,
                    regularization, validation_fraction, split_seed, train_pairs, validation_pairs, left_out_pairs,
                    status, step, best_step, curve, before_metrics, after_metrics, dimension, output_dimension,
                    weights, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.datasetId(), a.base(), a.name(), a.loss(), json(a.params()), a.rank(), a.steps(),
                        a.learningRate(), a.regularization(), a.validationFraction(), a.seed(),
                        a.split().trainPairs(), a.split().validationPairs(), a.split().leftOutPairs(),
                        AdapterRecord.Status.DONE.wire(), a.step(), a.bestStep(), json(a.curve()),
                        a.before() == null ? null : json(a.before()), a.after() == null ? null : json(a.after()),
                        a.dimension(), a.outputDimension(), encode(w), createdAt.atOffset(ZoneOffset.UTC),
                        updatedAt.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** When the adapter was created and last changed: [created, updated]. */
    Optional<Instant[]> times(long id) {
        return jdbc.sql("SELECT created_at, updated_at FROM adapters WHERE id = ?").param(id)
                .query((rs, n) -> new Instant[] {rs.getObject(1, OffsetDateTime.class).toInstant(),
                    rs.getObject(2, OffsetDateTime.class).toInstant()}).optional();
    }

    Optional<AdapterRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adapters WHERE id = ?").param(id).query(this::row).optional();
    }

    Optional<AdapterRecord> findByModel(String base, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adapters WHERE base_model = ? AND name = ?")
                .params(base, name).query(this::row).optional();
    }

    List<AdapterRecord> byDataset(long datasetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adapters WHERE dataset_id = ? ORDER BY id").param(datasetId)
                .query(this::row).list();
    }

    List<AdapterRecord> done() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM adapters WHERE status = 'done' ORDER BY base_model, name")
                .query(this::row).list();
    }

    /** Moves a queued adapter to running; false when it is no longer queued (cancelled meanwhile). */
    boolean start(long id) {
        return jdbc.sql("UPDATE adapters SET status = 'running', updated_at = ? WHERE id = ? AND status = 'queued'")
                .params(now(), id).update() > 0;
    }

    void saveBefore(long id, Map<String, Object> before) {
        jdbc.sql("UPDATE adapters SET before_metrics = ?, updated_at = ? WHERE id = ?")
                .params(json(before), now(), id).update();
    }

    /** The curve so far; also kept for a cancelled training, so its partial curve stays visible. */
    void progress(long id, int step, int bestStep, List<CurvePoint> curve) {
        jdbc.sql("UPDATE adapters SET step = ?, best_step = ?, curve = ?, updated_at = ? WHERE id = ?")
                .params(step, bestStep, json(curve), now(), id).update();
    }

    /** Stores the result; false when the training was cancelled meanwhile. */
    boolean finish(long id, int step, int bestStep, List<CurvePoint> curve, Map<String, Object> after, float[] w) {
        return jdbc.sql("""
                UPDATE adapters SET status = 'done', step = ?, best_step = ?, curve = ?, after_metrics = ?,
                    weights = ?, updated_at = ? WHERE id = ? AND status = 'running'""")
                .params(step, bestStep, json(curve), json(after), encode(w), now(), id).update() > 0;
    }

    /** Marks a queued or running adapter cancelled; false when it had already finished. */
    boolean cancel(long id) {
        return jdbc.sql("UPDATE adapters SET status = 'cancelled', updated_at = ? "
                + "WHERE id = ? AND status IN ('queued', 'running')").params(now(), id).update() > 0;
    }

    void fail(long id, String reason) {
        jdbc.sql("UPDATE adapters SET status = 'failed', failure = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('queued', 'running')").params(reason, now(), id).update();
    }

    /**
     * Marks failed every queued or running adapter that has no scheduled execution: nothing would ever run or
     * resume it (a training left by a version that kept trainings in memory). Returns how many.
     */
    int failOrphaned(String taskName, String reason) {
        return jdbc.sql("""
                UPDATE adapters SET status = 'failed', failure = ?, updated_at = ?
                WHERE status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t
                    WHERE t.task_name = ? AND t.task_instance = CAST(adapters.id AS VARCHAR(100)))""")
                .params(reason, now(), taskName).update();
    }

    Optional<AdapterRecord.Status> status(long id) {
        return jdbc.sql("SELECT status FROM adapters WHERE id = ?").param(id).query(String.class).optional()
                .map(s -> AdapterRecord.Status.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Queued and running trainings on every instance: the places taken in the bounded queue. */
    int unfinished() {
        return jdbc.sql("SELECT COUNT(*) FROM adapters WHERE status IN ('queued', 'running')").query(Integer.class)
                .single();
    }

    /** The queued adapter that starts next: the oldest. */
    Optional<Long> oldestQueued() {
        return jdbc.sql("SELECT MIN(id) FROM adapters WHERE status = 'queued'").query(Long.class).optional();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM adapters WHERE id = ?").param(id).update() > 0;
    }

    Optional<float[]> weights(long id) {
        return jdbc.sql("SELECT weights FROM adapters WHERE id = ? AND weights IS NOT NULL").param(id)
                .query((rs, n) -> decode(rs.getBytes(1))).optional();
    }

    /** Ids of the datasets created with this model id. */
    List<Long> datasetsUsing(String modelId) {
        return jdbc.sql("SELECT id FROM datasets WHERE model = ? ORDER BY id").param(modelId).query(Long.class).list();
    }

    private AdapterRecord row(ResultSet rs, int n) throws SQLException {
        long datasetId = rs.getLong("dataset_id");
        Long dataset = rs.wasNull() ? null : datasetId;
        int bestStep = rs.getInt("best_step");
        Integer best = rs.wasNull() ? null : bestStep;
        return new AdapterRecord(rs.getLong("id"), dataset, rs.getString("base_model"), rs.getString("name"),
                rs.getString("loss"), JSON.readValue(rs.getString("params"), new TypeReference<Map<String, Double>>() {
                }), rs.getString("rank_form"), rs.getInt("steps"), rs.getDouble("learning_rate"),
                rs.getDouble("regularization"), rs.getDouble("validation_fraction"), rs.getLong("split_seed"),
                new PairSplit.Counts(rs.getInt("train_pairs"), rs.getInt("validation_pairs"),
                        rs.getInt("left_out_pairs")),
                AdapterRecord.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getInt("step"), best, JSON.readValue(rs.getString("curve"), new TypeReference<List<CurvePoint>>() {
                }), map(rs.getString("before_metrics")), map(rs.getString("after_metrics")), rs.getString("failure"),
                rs.getInt("dimension"), rs.getInt("output_dimension"));
    }

    private static Map<String, Object> map(String json) {
        return json == null ? null : JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static byte[] encode(float[] w) {
        ByteBuffer buffer = ByteBuffer.allocate(w.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(w);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] w = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(w);
        return w;
    }
}

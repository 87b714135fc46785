package org.simexplorer.training;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The training_checkpoints table: one row per unfinished training, the state it resumes from, arrays as float32
 * little-endian bytes. Only the instance that holds the training's execution writes its row.
 */
@Repository
class TrainingCheckpoints {

    private final JdbcClient jdbc;

    TrainingCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the state, replacing the one before; in the caller's transaction, with the curve it follows. */
    void save(long adapterId, TrainingCheckpoint state) {
        Double bestAuc = Double.isFinite(state.bestAuc()) ? state.bestAuc() : null;
        jdbc.sql("""
                MERGE INTO training_checkpoints c
                USING (VALUES (CAST(? AS BIGINT))) AS s (adapter_id) ON c.adapter_id = s.adapter_id
                WHEN MATCHED THEN UPDATE SET step = ?, parameters = ?, first_moment = ?, second_moment = ?,
                    adam_steps = ?, best_weights = ?, best_step = ?, best_auc = ?, updated_at = ?
                WHEN NOT MATCHED THEN INSERT (adapter_id, step, parameters, first_moment, second_moment, adam_steps,
                    best_weights, best_step, best_auc, updated_at)
                    VALUES (s.adapter_id, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(adapterId, state.step(), AdapterRepository.encode(state.parameters()),
                        AdapterRepository.encode(state.firstMoment()), AdapterRepository.encode(state.secondMoment()),
                        state.adamSteps(), AdapterRepository.encode(state.best()), state.bestStep(), bestAuc, now(),
                        state.step(), AdapterRepository.encode(state.parameters()),
                        AdapterRepository.encode(state.firstMoment()), AdapterRepository.encode(state.secondMoment()),
                        state.adamSteps(), AdapterRepository.encode(state.best()), state.bestStep(), bestAuc, now())
                .update();
    }

    Optional<TrainingCheckpoint> find(long adapterId) {
        return jdbc.sql("""
                SELECT step, parameters, first_moment, second_moment, adam_steps, best_weights, best_step, best_auc
                FROM training_checkpoints WHERE adapter_id = ?""").param(adapterId)
                .query((rs, n) -> {
                    double auc = rs.getDouble("best_auc");
                    if (rs.wasNull()) auc = Double.NEGATIVE_INFINITY;
                    return new TrainingCheckpoint(rs.getInt("step"), AdapterRepository.decode(rs.getBytes("parameters")),
                            AdapterRepository.decode(rs.getBytes("first_moment")),
                            AdapterRepository.decode(rs.getBytes("second_moment")), rs.getInt("adam_steps"),
                            AdapterRepository.decode(rs.getBytes("best_weights")), rs.getInt("best_step"), auc);
                }).optional();
    }

    /** Drops the state of a training that has ended: it is never resumed. */
    void delete(long adapterId) {
        jdbc.sql("DELETE FROM training_checkpoints WHERE adapter_id = ?").param(adapterId).update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

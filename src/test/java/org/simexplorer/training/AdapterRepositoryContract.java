package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.formats.TextLine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The adapters table (Flyway V2) and the training checkpoints (V6) on a real database: a training's life from
 * queued to done, W's bytes, the lookups, the unique name per base, cancel and fail, delete, and the stored state
 * a training resumes from. Subclasses pick the database.
 */
abstract class AdapterRepositoryContract {

    @Autowired
    AdapterRepository adapters;
    @Autowired
    DatasetService datasets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TrainingCheckpoints checkpoints;

    private long dataset(String tag) {
        return datasets.create("adapters " + tag, null, List.of(new TextLine("one " + tag, 0),
                new TextLine("two " + tag, 0)), List.of(), 0).dataset().id();
    }

    @Test
    void aTrainingGoesFromQueuedToDoneAndItsWeightsReadBackByteForByte() {
        String tag = Long.toString(System.nanoTime(), 36);
        long dataset = dataset(tag);
        String name = "life-" + tag;
        long id = adapters.insert(TestAdapters.queued(dataset, name));

        AdapterRecord queued = adapters.find(id).orElseThrow();
        assertThat(queued.status()).isEqualTo(AdapterRecord.Status.QUEUED);
        assertThat(queued.step()).isZero();
        assertThat(queued.bestStep()).isNull();
        assertThat(queued.curve()).isEmpty();
        assertThat(queued.before()).isNull();
        assertThat(adapters.weights(id)).isEmpty();
        assertThat(adapters.done()).extracting(AdapterRecord::id).doesNotContain(id);

        assertThat(adapters.start(id)).isTrue();
        assertThat(adapters.start(id)).as("only a queued adapter starts").isFalse();
        adapters.saveBefore(id, TestAdapters.metrics(0.6));
        adapters.progress(id, 10, 0, TestAdapters.CURVE.subList(0, 2));
        AdapterRecord running = adapters.find(id).orElseThrow();
        assertThat(running.status()).isEqualTo(AdapterRecord.Status.RUNNING);
        assertThat(running.step()).isEqualTo(10);
        assertThat(running.bestStep()).isZero();
        assertThat(running.curve()).isEqualTo(TestAdapters.CURVE.subList(0, 2));
        assertThat(running.before()).isEqualTo(TestAdapters.metrics(0.6));

        float[] w = TestAdapters.weights(11);
        assertThat(adapters.finish(id, 20, 10, TestAdapters.CURVE, TestAdapters.metrics(0.7), w)).isTrue();
        AdapterRecord done = adapters.find(id).orElseThrow();
        assertThat(done).isEqualTo(new AdapterRecord(id, dataset, TestAdapters.BASE, name, "contrastive",
                done.params(), "full", 20, 0.01, 0.002, 0.25, 7L, queued.split(), AdapterRecord.Status.DONE, 20, 10,
                TestAdapters.CURVE, TestAdapters.metrics(0.6), TestAdapters.metrics(0.7), null, 384, 384));
        assertThat(done.params()).containsExactly(java.util.Map.entry("margin", 0.3));
        assertThat(adapters.finish(id, 20, 10, TestAdapters.CURVE, null, w)).as("finishes once").isFalse();
        assertThat(adapters.cancel(id)).as("a finished adapter is not cancelled").isFalse();

        assertThat(adapters.weights(id)).hasValueSatisfying(read -> assertThat(read).isEqualTo(w));
        ByteBuffer expected = ByteBuffer.allocate(4 * w.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : w) expected.putFloat(value);
        byte[] stored = jdbc.sql("SELECT weights FROM adapters WHERE id = ?").param(id).query(byte[].class).single();
        assertThat(stored).as("float32 little-endian, row-major").isEqualTo(expected.array());

        assertThat(adapters.findByModel(TestAdapters.BASE, name)).map(AdapterRecord::id).hasValue(id);
        assertThat(adapters.findByModel("bge-small-en-v1.5", name)).isEmpty();
        assertThat(adapters.done()).extracting(AdapterRecord::id).contains(id);
        assertThat(adapters.byDataset(dataset)).extracting(AdapterRecord::id).containsExactly(id);

        assertThat(adapters.delete(id)).isTrue();
        assertThat(adapters.find(id)).isEmpty();
        assertThat(adapters.weights(id)).isEmpty();
        assertThat(adapters.delete(id)).isFalse();
    }

    @Test
    void aNameIsUniquePerBaseModel() {
        String name = "unique-" + Long.toString(System.nanoTime(), 36);
        long first = adapters.insert(TestAdapters.queued(null, name));
        assertThatThrownBy(() -> adapters.insert(TestAdapters.queued(null, name)))
                .isInstanceOf(DuplicateKeyException.class);
        Instant now = Instant.now();
        assertThatThrownBy(() -> adapters.insertDone(TestAdapters.done(null, name), TestAdapters.weights(1), now, now))
                .isInstanceOf(DuplicateKeyException.class);
        AdapterRecord otherBase = TestAdapters.queued(null, name);
        long second = adapters.insert(new AdapterRecord(0, null, "bge-small-en-v1.5", name, otherBase.loss(),
                otherBase.params(), "diagonal", 5, 0.1, 0.1, 0.2, 0, otherBase.split(), AdapterRecord.Status.QUEUED,
                0, null, List.of(), null, null, null, 384, 384));
        assertThat(second).isNotEqualTo(first);
        assertThat(adapters.findByModel("bge-small-en-v1.5", name).orElseThrow().rank()).isEqualTo("diagonal");
        assertThat(adapters.delete(first) && adapters.delete(second)).isTrue();
    }

    @Test
    void anImportedAdapterKeepsItsProgressWeightsAndTimes() {
        String name = "imported-" + Long.toString(System.nanoTime(), 36);
        Instant created = Instant.parse("2026-11-30T10:15:30.123456Z");
        Instant updated = created.plus(90, ChronoUnit.SECONDS);
        float[] w = TestAdapters.weights(5);
        long id = adapters.insertDone(TestAdapters.done(null, name), w, created, updated);
        AdapterRecord read = adapters.find(id).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(TestAdapters.done(null, name));
        assertThat(adapters.weights(id)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(w));
        assertThat(adapters.times(id)).hasValueSatisfying(times -> assertThat(times).containsExactly(created, updated));
        adapters.delete(id);
    }

    @Test
    void cancelledAndInterruptedTrainingsEndWithoutWeights() {
        String tag = Long.toString(System.nanoTime(), 36);
        long cancelled = adapters.insert(TestAdapters.queued(null, "cancel-" + tag));
        assertThat(adapters.cancel(cancelled)).isTrue();
        assertThat(adapters.start(cancelled)).isFalse();
        assertThat(adapters.find(cancelled).orElseThrow().status()).isEqualTo(AdapterRecord.Status.CANCELLED);

        long interrupted = adapters.insert(TestAdapters.queued(null, "stop-" + tag));
        assertThat(adapters.start(interrupted)).isTrue();
        assertThat(adapters.failOrphaned(TrainingTask.DESCRIPTOR.getTaskName(), "stopped")).isGreaterThanOrEqualTo(1);
        AdapterRecord failed = adapters.find(interrupted).orElseThrow();
        assertThat(failed.status()).isEqualTo(AdapterRecord.Status.FAILED);
        assertThat(failed.failure()).isEqualTo("stopped");
        assertThat(adapters.finish(interrupted, 1, 0, List.of(), null, new float[] {1})).isFalse();
        assertThat(adapters.weights(interrupted)).isEmpty();
        assertThat(adapters.delete(cancelled) && adapters.delete(interrupted)).isTrue();
    }

    @Test
    void aCheckpointReadsBackBitForBitAndIsReplacedThenDroppedWithItsAdapter() {
        String tag = Long.toString(System.nanoTime(), 36);
        long id = adapters.insert(TestAdapters.queued(null, "checkpoint-" + tag));
        float[] tiny = {Float.MIN_VALUE, -0f, 1e-30f, Float.MAX_VALUE, -3.25f};
        TrainingCheckpoint first = new TrainingCheckpoint(40, TestAdapters.weights(1), TestAdapters.weights(2), tiny,
                41, TestAdapters.weights(3), 30, Double.NEGATIVE_INFINITY);
        checkpoints.save(id, first);
        TrainingCheckpoint read = checkpoints.find(id).orElseThrow();
        assertThat(read).usingRecursiveComparison().isEqualTo(first);
        assertThat(Float.floatToRawIntBits(read.secondMoment()[1])).isEqualTo(Float.floatToRawIntBits(-0f));
        TrainingCheckpoint second = new TrainingCheckpoint(50, TestAdapters.weights(4), TestAdapters.weights(5),
                TestAdapters.weights(6), 51, TestAdapters.weights(7), 50, 0.8125);
        checkpoints.save(id, second);
        assertThat(checkpoints.find(id).orElseThrow()).usingRecursiveComparison().isEqualTo(second);
        assertThat(adapters.delete(id)).isTrue();
        assertThat(checkpoints.find(id)).isEmpty();
    }

    @Test
    void onlyATrainingWithoutAScheduledExecutionIsFailedAsOrphaned() {
        String tag = Long.toString(System.nanoTime(), 36);
        long scheduled = adapters.insert(TestAdapters.queued(null, "scheduled-" + tag));
        jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                VALUES (?, ?, CURRENT_TIMESTAMP, FALSE, 1)""")
                .params(TrainingTask.DESCRIPTOR.getTaskName(), Long.toString(scheduled)).update();
        long orphan = adapters.insert(TestAdapters.queued(null, "orphan-" + tag));
        adapters.failOrphaned(TrainingTask.DESCRIPTOR.getTaskName(), "no execution");
        assertThat(adapters.status(scheduled)).hasValue(AdapterRecord.Status.QUEUED);
        assertThat(adapters.find(orphan).orElseThrow().failure()).isEqualTo("no execution");
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ?").param(Long.toString(scheduled)).update();
        assertThat(adapters.delete(scheduled) && adapters.delete(orphan)).isTrue();
    }
}

package org.simexplorer.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Group commit on a real H2 database: shared transactions, each caller's own result, failures kept apart. */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({LabelWriter.class, LabelRepository.class})
class LabelWriterTest {

    @Autowired
    LabelWriter writer;
    @Autowired
    LabelRepository labels;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private long dataset;

    @BeforeEach
    void createDataset() {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO datasets (name, model, created_at) VALUES ('w', 'm', ?)")
                .param(OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        dataset = key.getKey().longValue();
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Occupies the writer thread until the returned latch is released. */
    private CountDownLatch holdWriter() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callers.submit(() -> writer.write(() -> {
            running.countDown();
            await(release);
            return null;
        }, 1));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private void waitUntilQueued(int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.queued() < writes) {
            assertThat(System.nanoTime()).as("writes queued in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Future<Object> upsert(int i, int j, int label, long datasetId) {
        return callers.submit(() -> writer.write(() -> {
            labels.upsert(datasetId, i, j, label, Instant.now());
            return TransactionSynchronizationManager.getResource(dataSource);
        }, 1));
    }

    private int stored(long datasetId) {
        return jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ?").param(datasetId).query(Integer.class)
                .single();
    }

    @Test
    void writesQueuedWhileACommitRunsShareOneTransactionAndAreAllCommitted() throws Exception {
        CountDownLatch release = holdWriter();
        List<Future<Object>> writes = List.of(upsert(0, 1, 1, dataset), upsert(0, 2, -1, dataset),
                upsert(1, 2, 1, dataset));
        waitUntilQueued(3);
        release.countDown();
        List<Object> transactions = new ArrayList<>();
        for (Future<Object> write : writes) transactions.add(write.get(10, TimeUnit.SECONDS));
        assertThat(transactions).doesNotContainNull();
        assertThat(transactions).allSatisfy(holder -> assertThat(holder).isSameAs(transactions.get(0)));
        assertThat(stored(dataset)).isEqualTo(3);
    }

    @Test
    void aFailingWriteInASharedTransactionFailsOnlyItsOwnCaller() throws Exception {
        List<Long> timed = new CopyOnWriteArrayList<>();
        writer.timeCommitsWith(timed::add);
        CountDownLatch release = holdWriter();
        Future<Object> before = upsert(0, 1, 1, dataset);
        Future<Object> refused = upsert(0, 1, 1, Long.MAX_VALUE); // no such dataset: the foreign key refuses it
        Future<Object> after = upsert(0, 2, 1, dataset);
        waitUntilQueued(3);
        release.countDown();
        assertThat(before.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(after.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(stored(dataset)).isEqualTo(2);
        // Every transaction is timed before its caller hears back: the holding write's, the shared one that
        // rolled back, and the three reruns.
        assertThat(timed).hasSize(5).allSatisfy(nanos -> assertThat(nanos).isPositive());
    }

    @Test
    void everyCallerGetsItsOwnResultUnderConcurrentLoad() throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(callers.submit(() -> {
                int sum = 0;
                for (int k = 0; k < 50; k++) {
                    int i = thread * 50 + k;
                    sum += writer.write(() -> {
                        labels.upsert(dataset, i, i + 1, 1, Instant.now());
                        return i;
                    }, 1);
                }
                return sum;
            }));
        }
        for (int t = 0; t < 8; t++) {
            int first = t * 50;
            assertThat(results.get(t).get(30, TimeUnit.SECONDS)).isEqualTo(50 * first + 49 * 50 / 2);
        }
        assertThat(stored(dataset)).isEqualTo(400);
    }
}

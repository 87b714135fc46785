package org.simexplorer.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.system.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two label writers on one PostgreSQL, as two instances have: both write the same new pairs, so their
 * transactions race on inserts, and each group-commits writes in any order, so they deadlock on rows. Every
 * write still succeeds, and each pair ends as one row.
 */
@JdbcTest
@OnPostgres
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(LabelRepository.class)
class PostgresTwoWritersTest {

    private static final int PAIRS = 60;
    private static final int ROUNDS = 6;

    @Autowired
    LabelRepository labels;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final List<LabelWriter> writers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        for (LabelWriter writer : writers) writer.stop();
    }

    @Test
    void twoWritersRacingOnTheSamePairsLoseNothingAndDuplicateNothing() throws Exception {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO datasets (name, model, created_at) VALUES ('two', 'm', ?)")
                .param(OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        long dataset = key.getKey().longValue();
        LabelWriter a = new LabelWriter(transactions);
        LabelWriter b = new LabelWriter(transactions);
        writers.addAll(List.of(a, b));

        // Each writer group-commits four writes a round, queued in a shuffled order, so a shared transaction locks
        // its pairs out of order: the two writers' transactions race on new pairs and deadlock on rows.
        List<Future<Integer>> writes = new ArrayList<>();
        Random random = new Random(7);
        for (int round = 0; round < ROUNDS; round++) {
            int label = round % 2 == 0 ? 1 : -1;
            for (LabelWriter writer : writers) {
                List<Integer> parts = new ArrayList<>(List.of(0, 1, 2, 3));
                Collections.shuffle(parts, random);
                for (int part : parts) {
                    int from = part * PAIRS / 4;
                    int to = (part + 1) * PAIRS / 4;
                    writes.add(callers.submit(() -> writer.write(() -> upsertAll(dataset, from, to, label),
                            to - from)));
                }
            }
        }
        int written = 0;
        for (Future<Integer> write : writes) written += write.get(60, TimeUnit.SECONDS);

        assertThat(written).isEqualTo(ROUNDS * 2 * PAIRS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ?").param(dataset)
                .query(Integer.class).single()).isEqualTo(PAIRS);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT i * 1000 + j) FROM labels WHERE dataset_id = ?").param(dataset)
                .query(Integer.class).single()).isEqualTo(PAIRS);
    }

    /** Labels pairs (k, k + 1) for k in [from, to), in that order. */
    private int upsertAll(long dataset, int from, int to, int label) {
        for (int k = from; k < to; k++) labels.upsert(dataset, k, k + 1, label, Instant.now());
        return to - from;
    }
}

package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.simexplorer.scheduling.BackgroundScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A training whose scheduler stops in the middle of it is handed back, still running, with its state stored at
 * its last curve point; another scheduler on the same database takes it and finishes it from there, with the
 * curve it had and the W that a training that never stopped reaches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:training-resume;DB_CLOSE_DELAY=-1",
        "simexplorer.training.checkpoint-interval=0s",
        "simexplorer.scheduling.polling-interval=200ms"})
@DirtiesContext
class TrainingResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int STEPS = 300;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    BackgroundScheduler appScheduler;
    @Autowired
    CustomTask<TrainingPairs> trainingTask;
    @Autowired
    TrainingCheckpoints checkpoints;
    @Autowired
    AdapterRepository adapters;

    @Test
    void aTrainingStoppedWithItsSchedulerResumesOnAnotherFromItsLastCurvePoint() throws Exception {
        AdapterApiClient api = new AdapterApiClient("http://127.0.0.1:" + port);
        long dataset = api.labelledDataset("resume", 30);
        Map<String, Object> settings = Map.of("loss", "cosent", "steps", STEPS, "learningRate", 0.005, "seed", 11, "rank", 16);
        long id = AdapterApiClient.JSON.readTree(api.post("/api/datasets/" + dataset + "/adapters",
                with(settings, "name", "resumed")).body()).get("id").asLong();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (adapters.find(id).orElseThrow().step() < 100 && System.nanoTime() < deadline) Thread.sleep(20);

        appScheduler.stop();
        AdapterRecord handedBack = adapters.find(id).orElseThrow();
        assertThat(handedBack.status()).isEqualTo(AdapterRecord.Status.RUNNING);
        assertThat(handedBack.step()).as("stopped before its end").isBetween(100, STEPS - 1);
        TrainingCheckpoint stored = checkpoints.find(id).orElseThrow();
        assertThat(stored.step()).isEqualTo(handedBack.step());
        assertThat(handedBack.curve()).extracting(CurvePoint::step).last().isEqualTo(stored.step());
        assertThat(jdbc.sql("SELECT picked FROM scheduled_tasks WHERE task_instance = ?").param(Long.toString(id))
                .query(Boolean.class).single()).as("put back for another instance").isFalse();

        Scheduler other = Scheduler.create(dataSource, List.of(trainingTask))
                .schedulerName(new SchedulerName.Fixed("other-instance")).threads(2)
                .pollingInterval(Duration.ofMillis(200)).build();
        other.start();
        try {
            JsonNode done = api.waitFor(id, "done", WAIT);
            List<Integer> steps = new ArrayList<>();
            done.get("curve").forEach(point -> steps.add(point.get("step").asInt()));
            List<Integer> expected = new ArrayList<>();
            for (int step = 0; step <= STEPS; step += TrainingPlan.EVALUATE_EVERY) expected.add(step);
            assertThat(steps).as("every curve point once, across the stop").isEqualTo(expected);
            for (int k = 0; k < handedBack.curve().size(); k++) {
                assertThat(done.get("curve").get(k).get("validationAuc").asDouble())
                        .isEqualTo(handedBack.curve().get(k).validationAuc());
            }
            assertThat(checkpoints.find(id)).as("dropped once done").isEmpty();

            long whole = AdapterApiClient.JSON.readTree(api.post("/api/datasets/" + dataset + "/adapters",
                    with(settings, "name", "uninterrupted")).body()).get("id").asLong();
            JsonNode uninterrupted = api.waitFor(whole, "done", WAIT);
            assertThat(done.get("bestStep").asInt()).isEqualTo(uninterrupted.get("bestStep").asInt());
            float[] resumedW = adapters.weights(id).orElseThrow();
            float[] wholeW = adapters.weights(whole).orElseThrow();
            assertThat(resumedW).containsExactly(wholeW, org.assertj.core.data.Offset.offset(1e-5f));
        } finally {
            other.stop();
        }
    }

    private static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(settings);
        all.put(key, value);
        return all;
    }
}

package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import org.simexplorer.system.PostgresTestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two packaged jars on one PostgreSQL: the progress of a training streams from the instance that does not run
 * it, and when the instance that runs it is killed (SIGKILL), the other takes the training over once its
 * heartbeats stop and finishes it from its last stored curve point.
 */
class TrainingKillIT {

    private static final int STEPS = 600;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    private final PostgresTestDatabase database = PostgresTestDatabase.require();

    @AfterEach
    void drop() throws Exception {
        database.dropSchema();
    }

    private AppProcess start(String name) throws Exception {
        List<String> args = new ArrayList<>();
        database.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of("--simexplorer.scheduling.instance-name=" + name,
                "--simexplorer.scheduling.polling-interval=500ms",
                "--simexplorer.scheduling.heartbeat-interval=500ms",
                "--simexplorer.scheduling.missed-heartbeats=4"));
        return AppProcess.start(dataDir.resolve(name), List.of("-Xmx1g"), args.toArray(String[]::new));
    }

    @Test
    void theOtherInstanceFinishesATrainingWhoseInstanceWasKilled() throws Exception {
        try (AppProcess first = start("first"); AppProcess second = start("second")) {
            AdapterApiClient api = new AdapterApiClient(first.uri("").toString());
            long dataset = api.labelledDataset("kill", 30);
            long id = AdapterApiClient.JSON.readTree(api.post("/api/datasets/" + dataset + "/adapters",
                    Map.of("name", "survivor", "loss", "cosent", "steps", STEPS, "learningRate", 0.005, "rank", 16)).body())
                    .get("id").asLong();
            String runner = pickedBy(id, WAIT);
            AppProcess running = runner.equals("first") ? first : second;
            AppProcess other = running == first ? second : first;
            AdapterApiClient otherApi = new AdapterApiClient(other.uri("").toString());

            List<Integer> streamed = progressSteps(other, id, 3);
            assertThat(streamed).as("progress from the instance that does not run it").isSorted();
            assertThat(streamed.get(streamed.size() - 1)).isGreaterThan(streamed.get(0));

            long deadline = System.nanoTime() + WAIT.toNanos();
            int stored;
            while ((stored = storedStep(otherApi, id)) < 100 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(stored).as("killed in the middle").isBetween(100, STEPS - 1);
            running.kill();
            long killed = System.nanoTime();

            JsonNode done = otherApi.waitFor(id, "done", WAIT);
            System.out.println("kill_to_done_ms=" + (System.nanoTime() - killed) / 1_000_000);
            List<Integer> steps = new ArrayList<>();
            done.get("curve").forEach(point -> steps.add(point.get("step").asInt()));
            List<Integer> expected = new ArrayList<>();
            for (int step = 0; step <= STEPS; step += TrainingPlan.EVALUATE_EVERY) expected.add(step);
            assertThat(steps).as("one curve, continuing past the kill").isEqualTo(expected);
            assertThat(done.get("bestStep").isNull()).isFalse();
            assertThat(other.log()).contains("Adapter " + id + " resumes at step");
            assertThat(otherApi.get("/api/models").body()).contains("\"all-minilm-l6-v2:survivor\"");
        }
    }

    private static int storedStep(AdapterApiClient api, long id) throws Exception {
        return AdapterApiClient.JSON.readTree(api.get("/api/adapters/" + id).body()).get("step").asInt();
    }

    /** The instance whose name the training's execution carries once it is claimed. */
    private String pickedBy(long id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT picked_by FROM " + database.schema() + ".scheduled_tasks WHERE task_name = 'adapter-training'"
                        + " AND task_instance = ? AND picked")) {
            query.setString(1, Long.toString(id));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) return rs.getString(1);
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("training " + id + " was never claimed");
    }

    /** The steps of the first {@code count} progress events that the instance streams. */
    private static List<Integer> progressSteps(AppProcess app, long id, int count) throws Exception {
        HttpResponse<InputStream> stream = app.http().send(HttpRequest.newBuilder(app.uri("/api/adapters/" + id
                + "/events")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        List<Integer> steps = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body()))) {
            String event = null;
            for (String line; steps.size() < count && (line = reader.readLine()) != null; ) {
                if (line.startsWith("event:")) event = line.substring(6).trim();
                if (line.startsWith("data:") && "progress".equals(event)) {
                    steps.add(AdapterApiClient.JSON.readTree(line.substring(5)).get("step").asInt());
                }
            }
        }
        return steps;
    }
}

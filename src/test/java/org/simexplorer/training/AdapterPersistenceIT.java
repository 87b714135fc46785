package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import tools.jackson.databind.JsonNode;

/**
 * Adapters live in the database: on the packaged jar, a finished adapter survives a restart whole (curve,
 * metrics, W, and its place in the model catalogue), and a training cut off by SIGKILL is resumed after the
 * restart, on H2 with one instance.
 */
class AdapterPersistenceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void aFinishedAdapterSurvivesARestartAndAnInterruptedOneResumes() throws Exception {
        long datasetId;
        long doneId;
        long interruptedId;
        JsonNode done;
        String embeddedBefore;
        try (AppProcess app = AppProcess.start(dataDir)) {
            AdapterApiClient api = new AdapterApiClient(app.uri("").toString());
            datasetId = api.labelledDataset("persistence", 30);
            String path = "/api/datasets/" + datasetId + "/adapters";
            doneId = id(api.post(path, Map.of("name", "kept", "loss", "contrastive", "steps", 40, "rank", 16)));
            done = api.waitFor(doneId, "done", WAIT);
            embeddedBefore = api.post("/api/embed", Map.of("sentences", List.of("Is the server down?"),
                    "model", "all-minilm-l6-v2:kept")).body();
            interruptedId = id(api.post(path, Map.of("name", "cut-off", "loss", "cosent", "steps", 100_000)));
            api.waitFor(interruptedId, "running", WAIT);
            Thread.sleep(500);
            app.kill();
        }
        try (AppProcess restarted = AppProcess.start(dataDir)) {
            AdapterApiClient api = new AdapterApiClient(restarted.uri("").toString());
            JsonNode kept = AdapterApiClient.JSON.readTree(api.get("/api/adapters/" + doneId).body());
            assertThat(kept).isEqualTo(done);
            assertThat(kept.get("rank").asInt()).isEqualTo(16);
            assertThat(api.get("/api/models").body()).contains("\"all-minilm-l6-v2:kept\"");
            String embeddedAfter = api.post("/api/embed", Map.of("sentences", List.of("Is the server down?"),
                    "model", "all-minilm-l6-v2:kept")).body();
            assertThat(embeddedAfter).isEqualTo(embeddedBefore);

            // The cut-off training is taken up again once its old execution's heartbeats are overdue.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!restarted.log().contains("Adapter " + interruptedId + " resumes at step")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(restarted.log()).contains("Adapter " + interruptedId + " resumes at step");
            assertThat(api.delete("/api/adapters/" + interruptedId).statusCode()).isEqualTo(204);
            JsonNode interrupted = api.waitFor(interruptedId, "cancelled", WAIT);
            assertThat(interrupted.get("step").asInt()).isPositive();
            assertThat(api.get("/api/models").body()).doesNotContain("cut-off");
            JsonNode listed = AdapterApiClient.JSON.readTree(api.get("/api/datasets/" + datasetId + "/adapters")
                    .body());
            assertThat(listed.size()).isEqualTo(2);
            // An ended adapter keeps its name until it is deleted.
            HttpResponse<String> again = api.post("/api/datasets/" + datasetId + "/adapters",
                    Map.of("name", "cut-off", "loss", "cosent", "steps", 10));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(api.delete("/api/adapters/" + interruptedId).statusCode()).isEqualTo(204);
            assertThat(api.post("/api/datasets/" + datasetId + "/adapters",
                    Map.of("name", "cut-off", "loss", "cosent", "steps", 10)).statusCode()).isEqualTo(202);
            restarted.stop();
        }
    }

    private static long id(HttpResponse<String> response) {
        if (response.statusCode() != 202) throw new AssertionError(response.body());
        return AdapterApiClient.JSON.readTree(response.body()).get("id").asLong();
    }
}

package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Adapters over real HTTP with the real model and the embedded database: a training from request to a model
 * that every model-taking endpoint accepts, its event stream, the queue and its 503, cancel, and bad input.
 */
@AdapterApiApp
class AdapterApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private AdapterApiClient api;

    @BeforeEach
    void client() {
        api = new AdapterApiClient("http://127.0.0.1:" + port);
    }

    private static Map<String, Object> request(String name, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("loss", "cosent");
        for (int k = 0; k < more.length; k += 2) body.put((String) more[k], more[k + 1]);
        return body;
    }

    private JsonNode json(HttpResponse<String> response) {
        return AdapterApiClient.JSON.readTree(response.body());
    }

    @Test
    void aTrainedAdapterIsAModelEverywhereAModelIdIsTaken() throws Exception {
        long dataset = api.labelledDataset("adapter-model", 30);
        HttpResponse<String> started = api.post("/api/datasets/" + dataset + "/adapters",
                request("tickets", "steps", 30, "learningRate", 0.01, "validationFraction", 0.3, "seed", 3));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode queued = json(started);
        long id = queued.get("id").asLong();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/adapters/" + id);
        assertThat(queued.get("model").asString()).isEqualTo("all-minilm-l6-v2:tickets");
        assertThat(queued.get("split").get("trainPairs").asInt()).isEqualTo(21);
        assertThat(queued.get("split").get("validationPairs").asInt()).isEqualTo(9);
        assertThat(queued.get("split").get("leftOutPairs").asInt()).isZero();

        JsonNode done = api.waitFor(id, "done", WAIT);
        List<Integer> steps = new ArrayList<>();
        done.get("curve").forEach(point -> steps.add(point.get("step").asInt()));
        assertThat(steps).containsExactly(0, 10, 20, 30);
        assertThat(done.get("step").asInt()).isEqualTo(30);
        assertThat(steps).contains(done.get("bestStep").asInt());
        double before = done.get("before").get("validation").get("rocAuc").asDouble();
        double after = done.get("after").get("validation").get("rocAuc").asDouble();
        assertThat(after).isGreaterThanOrEqualTo(before);
        // 9 validation pairs are far below 30 of each class: the adapter says so, and gives the AUC's interval
        assertThat(queued.get("caution").get("minimumPerClass").asInt()).isEqualTo(30);
        JsonNode caution = json(api.get("/api/adapters/" + id)).get("caution");
        assertThat(caution.get("validationPairs").asInt()).isEqualTo(9);
        assertThat(caution.get("positives").asInt() + caution.get("negatives").asInt()).isEqualTo(9);
        assertThat(caution.get("message").asString()).contains("below 30");
        JsonNode validationAfter = done.get("after").get("validation");
        assertThat(validationAfter.get("rocAucLow").asDouble()).isLessThanOrEqualTo(after);
        assertThat(validationAfter.get("rocAucHigh").asDouble()).isGreaterThanOrEqualTo(after);
        assertThat(validationAfter.get("rocAucHigh").asDouble() - validationAfter.get("rocAucLow").asDouble())
                .as("9 pairs give an interval of some width").isGreaterThan(0.05);
        assertThat(done.get("curve").get(0).get("validationAuc").asDouble()).isEqualTo(before);
        assertThat(done.get("after").get("training").get("pairs").asInt()).isEqualTo(21);

        JsonNode listed = json(api.get("/api/datasets/" + dataset + "/adapters"));
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(id);

        JsonNode entry = null;
        for (JsonNode model : json(api.get("/api/models"))) {
            if (model.get("id").asString().equals("all-minilm-l6-v2:tickets")) entry = model;
        }
        assertThat(entry).as("the adapter in GET /api/models").isNotNull();
        assertThat(entry.get("adapter").asBoolean()).isTrue();
        assertThat(entry.get("base").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(entry.get("dimension").asInt()).isEqualTo(384);
        assertThat(entry.get("pooling").asString()).isEqualTo("mean");
        assertThat(entry.get("datasetId").asLong()).as("the dataset the pickers group it under").isEqualTo(dataset);

        // /api/embed: the base vectors times the stored W, normalised.
        List<String> sentences = List.of("The printer on floor two is jammed again.", "Lunch is at noon.");
        float[][] base = vectors(json(api.post("/api/embed", Map.of("sentences", sentences))));
        JsonNode embedded = json(api.post("/api/embed", Map.of("sentences", sentences, "model",
                "all-minilm-l6-v2:tickets")));
        assertThat(embedded.get("model").asString()).isEqualTo("all-minilm-l6-v2:tickets");
        float[][] adapted = vectors(embedded);
        float[] w = AdapterRepository.decode(jdbc.sql("SELECT weights FROM adapters WHERE id = ?").param(id)
                .query(byte[].class).single());
        for (int r = 0; r < sentences.size(); r++) {
            double[] expected = new double[384];
            double norm = 0;
            for (int k = 0; k < 384; k++) {
                for (int i = 0; i < 384; i++) expected[k] += base[r][i] * w[i * 384 + k];
                norm += expected[k] * expected[k];
            }
            for (int k = 0; k < 384; k++) {
                assertThat((double) adapted[r][k]).isCloseTo(expected[k] / Math.sqrt(norm), within(1e-4));
            }
        }

        HttpResponse<String> similarity = api.get("/api/datasets/" + dataset
                + "/similarity?model=all-minilm-l6-v2:tickets");
        assertThat(similarity.statusCode()).isEqualTo(200);
        assertThat(json(similarity).get("model").asString()).isEqualTo("all-minilm-l6-v2:tickets");
        assertThat(api.get("/api/datasets/" + dataset + "/similarity?model=no-such-model").statusCode())
                .isEqualTo(404);
        JsonNode adaptedMetrics = json(api.get("/api/datasets/" + dataset + "/metrics?model=all-minilm-l6-v2:tickets"));
        assertThat(adaptedMetrics.get("pairs").asInt()).isEqualTo(30);
        JsonNode adaptedLoss = json(api.get("/api/datasets/" + dataset + "/loss?loss=cosent&model=all-minilm-l6-v2:tickets"));
        assertThat(adaptedLoss.get("labelledPairs").asInt()).isEqualTo(30);
        assertThat(adaptedLoss.get("params").has("model")).isFalse();

        HttpResponse<String> created = api.post("/api/datasets", Map.of("name", "with-adapter", "model",
                "all-minilm-l6-v2:tickets", "sentences", sentences));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long user = json(created).get("id").asLong();
        HttpResponse<String> refused = api.delete("/api/adapters/" + id);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(api.delete("/api/datasets/" + user).statusCode()).isEqualTo(204);
        assertThat(api.delete("/api/adapters/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/adapters/" + id).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/models").body()).doesNotContain("all-minilm-l6-v2:tickets");
    }

    @Test
    void theEventStreamSendsProgressAtEachCurvePointThenOneEnd() throws Exception {
        long dataset = api.labelledDataset("adapter-events", 20);
        JsonNode queued = json(api.post("/api/datasets/" + dataset + "/adapters", request("events", "steps", 200)));
        HttpResponse<java.io.InputStream> stream = api.http().send(HttpRequest.newBuilder(
                api.uri("/api/adapters/" + queued.get("id").asLong() + "/events")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body()))) {
            String event = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("event:")) event = line.substring(6).trim();
                if (line.startsWith("data:")) {
                    events.add(event);
                    steps.add(AdapterApiClient.JSON.readTree(line.substring(5)).get("step").asInt());
                }
            }
        }
        assertThat(events).last().isEqualTo("end");
        assertThat(events.stream().filter("end"::equals).count()).isEqualTo(1);
        assertThat(events.stream().filter("progress"::equals).count()).isGreaterThanOrEqualTo(2);
        assertThat(steps).last().isEqualTo(200);
        assertThat(steps).isSorted();
    }

    @Test
    void aSecondTrainingQueuesAndPastTheQueueTheAnswerIs503() throws Exception {
        long dataset = api.labelledDataset("adapter-queue", 20);
        waitUntilIdle();
        String path = "/api/datasets/" + dataset + "/adapters";
        List<Long> ids = new ArrayList<>();
        JsonNode running = json(api.post(path, request("long-0", "steps", 100_000)));
        ids.add(running.get("id").asLong());
        api.waitFor(ids.get(0), "running", WAIT);
        for (int k = 1; k <= 8; k++) {
            HttpResponse<String> queued = api.post(path, request("long-" + k, "steps", 100_000));
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            ids.add(json(queued).get("id").asLong());
            assertThat(json(api.get("/api/adapters/" + ids.get(k))).get("status").asString()).isEqualTo("queued");
        }
        int rows = count();
        HttpResponse<String> refused = api.post(path, request("one-too-many", "steps", 10));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(count()).as("nothing saved for the refused training").isEqualTo(rows);

        for (long id : ids) assertThat(api.delete("/api/adapters/" + id).statusCode()).isEqualTo(204);
        JsonNode cancelled = api.waitFor(ids.get(0), "cancelled", WAIT);
        assertThat(cancelled.get("step").asInt()).isLessThan(100_000);
        for (long id : ids.subList(1, ids.size())) api.waitFor(id, "cancelled", WAIT);
        // The queue is free again once the cancelled trainings have left it.
        HttpResponse<String> again = api.post(path, request("after-cancel", "steps", 10));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        api.waitFor(json(again).get("id").asLong(), "done", WAIT);
    }

    @Test
    void deletingADatasetStopsItsTrainingsAndTheNextTrainingRunsAtOnce() throws Exception {
        long doomed = api.labelledDataset("adapter-doomed", 20);
        long other = api.labelledDataset("adapter-survivor", 20);
        waitUntilIdle();
        String doomedPath = "/api/datasets/" + doomed + "/adapters";
        long running = json(api.post(doomedPath, request("doomed-running", "steps", 100_000))).get("id").asLong();
        api.waitFor(running, "running", WAIT);
        long queued = json(api.post(doomedPath, request("doomed-queued", "steps", 100_000))).get("id").asLong();

        assertThat(api.delete("/api/datasets/" + doomed).statusCode()).isEqualTo(204);
        // Cancelled before the 204, not some time later.
        assertThat(json(api.get("/api/adapters/" + running)).get("status").asString()).isEqualTo("cancelled");
        assertThat(json(api.get("/api/adapters/" + queued)).get("status").asString()).isEqualTo("cancelled");

        HttpResponse<String> next = api.post("/api/datasets/" + other + "/adapters",
                request("after-delete", "steps", 100_000));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        long id = json(next).get("id").asLong();
        // The slot is free: the training starts as soon as its executor thread takes it, not after the others.
        api.waitFor(id, "running", Duration.ofSeconds(5));
        assertThat(api.delete("/api/adapters/" + id).statusCode()).isEqualTo(204);
        api.waitFor(id, "cancelled", WAIT);
    }

    @Test
    void badInputNamesTheFieldAndSavesNothing() throws Exception {
        long dataset = api.labelledDataset("adapter-bad-input", 20);
        String path = "/api/datasets/" + dataset + "/adapters";
        assertThat(api.post(path, request("taken", "steps", 10)).statusCode()).isEqualTo(202);
        int rows = count();
        Object[][] cases = {
            {request("x", "loss", "no-such-loss"), 404, null},
            {request("Bad Name"), 400, "name"},
            {request("a".repeat(41)), 400, "name"},
            {request("s", "steps", 0), 400, "steps"},
            {request("s", "steps", 100_001), 400, "steps"},
            {request("s", "learningRate", -1e-3), 400, "learningRate"},
            {request("s", "learningRate", 0), 400, "learningRate"},
            {request("s", "regularization", 0), 400, "regularization"},
            {request("s", "rank", 0), 400, "rank"},
            {request("s", "rank", 385), 400, "rank"},
            {request("s", "rank", "tall"), 400, "rank"},
            {request("s", "validationFraction", 1.0), 400, "validationFraction"},
            {request("taken"), 409, "name"},
            {request("one-sided", "validationFraction", 0.02), 422, "labels"},
        };
        for (Object[] c : cases) {
            HttpResponse<String> response = api.post(path, c[0]);
            assertThat(response.statusCode()).as("%s: %s", c[0], response.body()).isEqualTo(c[1]);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            if (c[2] != null) assertThat(json(response).get("field").asString()).isEqualTo(c[2]);
        }
        assertThat(api.post("/api/datasets/999999/adapters", request("x")).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/adapters/999999").statusCode()).isEqualTo(404);
        assertThat(count()).as("nothing saved on bad input").isEqualTo(rows);
    }

    private void waitUntilIdle() throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM adapters WHERE status IN ('queued', 'running')").query(Integer.class)
                .single() > 0) {
            if (System.nanoTime() > end) throw new AssertionError("trainings still running");
            Thread.sleep(50);
        }
    }

    private int count() {
        return jdbc.sql("SELECT COUNT(*) FROM adapters").query(Integer.class).single();
    }

    private static float[][] vectors(JsonNode embedded) {
        JsonNode rows = embedded.get("embeddings");
        float[][] out = new float[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = new float[rows.get(r).size()];
            for (int k = 0; k < out[r].length; k++) out[r][k] = (float) rows.get(r).get(k).asDouble();
        }
        return out;
    }
}

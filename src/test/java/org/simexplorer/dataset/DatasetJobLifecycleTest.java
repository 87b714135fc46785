package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dataset jobs over real HTTP with the real model and H2: the job's row holds its progress, each chunk's vectors
 * are committed with the cursor, deleting the dataset cancels the job before the 204, a job left running by a
 * process that ended is shown as interrupted until dismissed, duplicates are counted, and the dense matrix is
 * refused with a 413 above its limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:dataset-job-lifecycle;DB_CLOSE_DELAY=-1",
        "simexplorer.datasets.embed-chunk=8",
        "simexplorer.datasets.max-matrix-sentences=20"})
class DatasetJobLifecycleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatasetJobs jobs;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        return JSON.readTree(send("GET", path, null).body());
    }

    private static List<String> sentences(String topic, int count) {
        return IntStream.range(0, count).mapToObj(k -> topic + " note number " + k + " about the weather.").toList();
    }

    private JsonNode startJob(String name, List<String> sentences) throws Exception {
        HttpResponse<String> started = send("POST", "/api/datasets/jobs", Map.of("name", name, "sentences", sentences));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body());
    }

    private JsonNode awaitState(String statusUrl, String... states) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = json(statusUrl);
            if (List.of(states).contains(status.get("state").asText())) return status;
            Thread.sleep(20);
        }
        throw new AssertionError("the job never reached " + List.of(states));
    }

    private JsonNode awaitEmbedding(String statusUrl) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = json(statusUrl);
            if (status.get("embedded").asInt() > 0 || status.get("state").asText().equals("DONE")) return status;
            Thread.sleep(10);
        }
        throw new AssertionError("the job never embedded a chunk");
    }

    @Test
    void everyCommittedChunkHasItsVectorsAndTheRowEndsDone() throws Exception {
        List<String> texts = sentences("Chunked", 120);
        JsonNode job = startJob("Chunked", texts);
        String id = job.get("id").asText();
        JsonNode running = awaitEmbedding(job.get("statusUrl").asText());
        long datasetId = running.get("datasetId").asLong();
        // while it runs: every position below the stored cursor already has its vector in the cache table
        int cursor = jdbc.sql("SELECT embedded FROM dataset_jobs WHERE id = ?").param(id).query(Integer.class).single();
        assertThat(cursor).isPositive();
        int cached = jdbc.sql("SELECT COUNT(*) FROM sentences s JOIN embedding_cache c ON c.sha256 = s.sha256"
                + " AND c.model = 'all-minilm-l6-v2' WHERE s.dataset_id = ? AND s.position < ?")
                .params(datasetId, cursor).query(Integer.class).single();
        assertThat(cached).isEqualTo(cursor);
        assertThat(json("/api/datasets").findValues("id")).extracting(JsonNode::asLong)
                .as("an incomplete dataset is not listed").doesNotContain(datasetId);

        JsonNode done = awaitState(job.get("statusUrl").asText(), "DONE", "FAILED");
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("embedded").asInt()).isEqualTo(120);
        assertThat(jdbc.sql("SELECT state FROM dataset_jobs WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("DONE");
        assertThat(json("/api/datasets/" + datasetId).get("sentences")).hasSize(120);
        assertThat(json("/api/datasets").findValues("id")).extracting(JsonNode::asLong).contains(datasetId);
    }

    @Test
    void deletingTheDatasetCancelsItsJobBeforeThe204() throws Exception {
        JsonNode job = startJob("Deleted while embedding", sentences("Deleted", 400));
        JsonNode running = awaitEmbedding(job.get("statusUrl").asText());
        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        long datasetId = running.get("datasetId").asLong();

        assertThat(send("DELETE", "/api/datasets/" + datasetId, null).statusCode()).isEqualTo(204);
        JsonNode after = json(job.get("statusUrl").asText());
        assertThat(after.get("state").asText()).isEqualTo("CANCELLED");
        int embedded = after.get("embedded").asInt();
        assertThat(embedded).isLessThan(400);
        Thread.sleep(1500);
        JsonNode later = json(job.get("statusUrl").asText());
        assertThat(later.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(later.get("embedded").asInt()).as("no chunk after the 204").isEqualTo(embedded);
        assertThat(send("GET", "/api/datasets/" + datasetId, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sentences WHERE dataset_id = ?").param(datasetId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aJobLeftRunningByAnEndedProcessIsShownInterruptedUntilDismissed() throws Exception {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO datasets (name, model, created_at, complete) VALUES ('Cut off', 'all-minilm-l6-v2', ?,"
                + " FALSE)").param(now).update();
        long datasetId = jdbc.sql("SELECT MAX(id) FROM datasets").query(Long.class).single();
        jdbc.sql("INSERT INTO dataset_jobs (id, name, model, state, dataset_id, total, embedded, duplicates, owner,"
                + " heartbeat_at, created_at, started_at) VALUES (?, 'Cut off upload', 'all-minilm-l6-v2', 'RUNNING',"
                + " ?, 100000, 3200, 7, 'a-process-that-ended', ?, ?, ?)")
                .params(id, datasetId, now, now, now).update();

        jobs.afterPropertiesSet(); // the start-up sweep, as at the next start

        JsonNode status = json("/api/datasets/jobs/" + id);
        assertThat(status.get("state").asText()).isEqualTo("INTERRUPTED");
        assertThat(status.get("embedded").asInt()).isEqualTo(3200);
        assertThat(status.get("total").asInt()).isEqualTo(100000);
        assertThat(status.get("name").asText()).isEqualTo("Cut off upload");
        String home = send("GET", "/", null).body();
        assertThat(home).contains("Cut off upload").contains("interrupted by a stop after 3,200 of 100,000 sentences");
        assertThat(json("/api/datasets/jobs").findValuesAsString("id")).contains(id);

        assertThat(send("DELETE", "/api/datasets/jobs/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/", null).body()).doesNotContain("Cut off upload");
        assertThat(json("/api/datasets/jobs/" + id).get("state").asText()).as("still answers its state")
                .isEqualTo("INTERRUPTED");
        assertThat(send("GET", "/api/datasets/" + datasetId, null).statusCode()).as("its incomplete dataset went")
                .isEqualTo(404);
    }

    @Test
    void duplicateLinesAreCountedOnTheJobTheDatasetAndItsPage() throws Exception {
        List<String> texts = new ArrayList<>(sentences("Twice", 10));
        texts.addAll(texts.subList(0, 3));
        JsonNode job = startJob("With duplicates", texts);
        assertThat(job.get("duplicates").asInt()).isEqualTo(3);
        assertThat(job.get("total").asInt()).isEqualTo(10);
        JsonNode done = awaitState(job.get("statusUrl").asText(), "DONE", "FAILED");
        assertThat(done.get("duplicates").asInt()).isEqualTo(3);
        long datasetId = done.get("datasetId").asLong();
        assertThat(json("/api/datasets/" + datasetId).get("duplicatesMerged").asInt()).isEqualTo(3);
        assertThat(send("GET", "/datasets/" + datasetId, null).body()).contains("3 duplicate lines merged");

        HttpResponse<String> sync = send("POST", "/api/datasets", Map.of("name", "At once", "sentences",
                List.of("One line.", "One line.", "Another line.")));
        long syncId = JSON.readTree(sync.body()).get("id").asLong();
        assertThat(json("/api/datasets/" + syncId).get("duplicatesMerged").asInt()).isEqualTo(1);
    }

    @Test
    void theWholeMatrixAboveItsLimitIsA413NamingTheLimit() throws Exception {
        HttpResponse<String> created = send("POST", "/api/datasets", Map.of("name", "Past the matrix limit",
                "sentences", sentences("Large", 21)));
        long id = JSON.readTree(created.body()).get("id").asLong();
        for (String path : List.of("/api/datasets/" + id + "/similarity?format=int16",
                "/api/datasets/" + id + "/similarity?format=json&order=cluster",
                "/api/datasets/" + id + "/clusters?k=2")) {
            HttpResponse<String> refused = send("GET", path, null);
            assertThat(refused.statusCode()).as(path + " " + refused.body()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("limit").asInt()).isEqualTo(20);
            assertThat(problem.get("detail").asText()).contains("max-matrix-sentences");
        }
    }
}

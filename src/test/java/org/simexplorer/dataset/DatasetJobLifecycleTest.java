package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.formats.TextLine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dataset jobs over real HTTP with the real model and H2: the job's row holds its progress, each chunk's vectors
 * are committed with the cursor, deleting the dataset cancels the job before the 204, a job left running without
 * a run resumes from its cursor and one that cannot go on fails with the reason, the overload rule counts the
 * database's unfinished jobs, duplicates are counted, and the dense matrix is refused with a 413 above its limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:dataset-job-lifecycle;DB_CLOSE_DELAY=-1",
        "simexplorer.datasets.embed-chunk=8",
        "simexplorer.datasets.max-matrix-sentences=20",
        "simexplorer.scheduling.polling-interval=200ms"})
@Import(DatasetJobLifecycleTest.Counting.class)
class DatasetJobLifecycleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatasetJobs jobs;
    @Autowired
    DatasetJobRepository repository;
    @Autowired
    ChunkedCreation creation;
    @Autowired
    DatasetService datasets;
    @Autowired
    SentenceEmbedder models;
    @Autowired
    DatasetEmbeddings embeddings;

    private CountingEmbedder embedder;

    @TestConfiguration
    static class Counting {
        @Bean
        static BeanPostProcessor countingEmbedder() {
            return CountingEmbedder.wrapper();
        }
    }

    @BeforeEach
    void counting() {
        embedder = (CountingEmbedder) models;
    }

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

        // no request has read the vectors: the warm-up after completion puts them in memory for the first view
        Dataset dataset = datasets.get(datasetId);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!embeddings.holds(dataset, 120) && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(embeddings.holds(dataset, 120)).isTrue();
        embedder.takeCalls();
        assertThat(embeddings.of(datasetId).vectors()).hasNumberOfRows(120);
        assertThat(embedder.takeCalls()).as("the vectors come from memory, not the model").isEmpty();
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

    /** Stores a job as a start does, without its scheduled run, as a version that ran jobs in memory left it. */
    private String storedWithoutARun(String name, List<String> texts) {
        String id = UUID.randomUUID().toString();
        List<TextLine> lines = IntStream.range(0, texts.size()).mapToObj(k -> new TextLine(texts.get(k), k + 1))
                .toList();
        creation.store(id, datasets.prepare(name, null, lines, List.of(), 2.5), () -> { });
        return id;
    }

    @Test
    void aJobLeftRunningWithoutARunResumesFromItsCursorWithoutEmbeddingItsChunksAgain() throws Exception {
        List<String> texts = sentences("Left running", 40);
        String id = storedWithoutARun("Left running", texts);
        long datasetId = jdbc.sql("SELECT dataset_id FROM dataset_jobs WHERE id = ?").param(id).query(Long.class)
                .single();
        // a process that ended had embedded two chunks and committed them with the cursor
        assertThat(repository.claim(id, "a-process-that-ended", 0, false, Instant.now())).isTrue();
        assertThat(creation.embedChunk(id, "a-process-that-ended", datasetId, "all-minilm-l6-v2", 0, 8, null)).isTrue();
        assertThat(creation.embedChunk(id, "a-process-that-ended", datasetId, "all-minilm-l6-v2", 8, 16, null)).isTrue();
        embedder.takeCalls();

        jobs.scheduleOrphans(); // as at the next start

        JsonNode done = awaitState("/api/datasets/jobs/" + id, "DONE", "FAILED");
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("resumes").asInt()).isEqualTo(1);
        List<String> embeddedAfter = embedder.takeCalls().stream().flatMap(List::stream).toList();
        assertThat(embeddedAfter).as("only the sentences past the cursor reach the model, once each")
                .containsExactlyInAnyOrderElementsOf(texts.subList(16, 40));
        assertThat(json("/api/datasets/" + datasetId).get("sentences")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(texts);
        // the resumed run did not hold the first chunks' vectors: they are read from the database into memory
        Dataset dataset = datasets.get(datasetId);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!embeddings.holds(dataset, 40) && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(embeddings.holds(dataset, 40)).isTrue();
        assertThat(embeddings.of(datasetId).vectors()[3]).containsExactly(models.embed(List.of(texts.get(3)),
                "all-minilm-l6-v2").vectors()[0], org.assertj.core.api.Assertions.within(1e-5f));
    }

    @Test
    void aJobWhoseInstanceWentSilentIsShownResumingOnTheHomePageUntilTakenUp() throws Exception {
        String id = storedWithoutARun("Gone quiet", sentences("Gone quiet", 24));
        long datasetId = jdbc.sql("SELECT dataset_id FROM dataset_jobs WHERE id = ?").param(id).query(Long.class)
                .single();
        repository.claim(id, "a-process-that-ended", 0, false, Instant.now());
        creation.embedChunk(id, "a-process-that-ended", datasetId, "all-minilm-l6-v2", 0, 8, null);
        jdbc.sql("UPDATE dataset_jobs SET heartbeat_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5), id).update();
        JsonNode status = json("/api/datasets/jobs/" + id);
        assertThat(status.get("resuming").asBoolean()).isTrue();
        assertThat(send("GET", "/", null).body()).contains("Gone quiet")
                .contains("resuming after a stop: 8 of 24 sentences are embedded");

        jobs.scheduleOrphans();

        JsonNode done = awaitState("/api/datasets/jobs/" + id, "DONE", "FAILED");
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("resuming").asBoolean()).isFalse();
        assertThat(send("GET", "/", null).body()).doesNotContain("data-job-id=\"" + id + "\"");
    }

    @Test
    void aJobWhoseModelIsGoneFailsWithTheReasonAndIsListedUntilDismissed() throws Exception {
        String id = storedWithoutARun("Model gone", sentences("Model gone", 30));
        long datasetId = jdbc.sql("SELECT dataset_id FROM dataset_jobs WHERE id = ?").param(id).query(Long.class)
                .single();
        jdbc.sql("UPDATE dataset_jobs SET model = 'a-model-removed-since', state = 'RUNNING', embedded = 16"
                + " WHERE id = ?").param(id).update();

        jobs.scheduleOrphans();

        JsonNode failed = awaitState("/api/datasets/jobs/" + id, "FAILED", "DONE");
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("status").asInt()).isEqualTo(404);
        assertThat(failed.get("detail").asText()).contains("a-model-removed-since");
        assertThat(failed.get("embedded").asInt()).isEqualTo(16);
        String home = send("GET", "/", null).body();
        assertThat(home).contains("Model gone").contains("failed after 16 of 30 sentences were embedded");
        assertThat(send("GET", "/api/datasets/" + datasetId, null).statusCode()).as("its incomplete dataset went")
                .isEqualTo(404);

        assertThat(send("DELETE", "/api/datasets/jobs/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/", null).body()).doesNotContain("Model gone");
        assertThat(json("/api/datasets/jobs/" + id).get("state").asText()).as("still answers its state")
                .isEqualTo("FAILED");
    }

    @Test
    void pastTenUnfinishedJobsOnTheDatabaseAStartIsA503() throws Exception {
        List<String> stored = new ArrayList<>();
        int unfinished = jdbc.sql("SELECT COUNT(*) FROM dataset_jobs WHERE state IN ('QUEUED', 'RUNNING')")
                .query(Integer.class).single();
        for (int k = unfinished; k < DatasetJobs.MAX_UNFINISHED; k++) {
            stored.add(storedWithoutARun("Waiting " + k, sentences("Waiting " + k, 2)));
        }
        HttpResponse<String> refused = send("POST", "/api/datasets/jobs", Map.of("name", "One too many",
                "sentences", sentences("Too many", 2)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        for (String id : stored) assertThat(send("DELETE", "/api/datasets/jobs/" + id, null).statusCode()).isEqualTo(204);
        assertThat(json("/api/datasets/jobs/" + stored.get(0)).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(send("POST", "/api/datasets/jobs", Map.of("name", "Room again", "sentences",
                sentences("Room", 2))).statusCode()).isEqualTo(202);
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

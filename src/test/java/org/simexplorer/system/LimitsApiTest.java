package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.dataset.MatrixCache;
import org.simexplorer.limits.ConcurrencyLimit;
import org.simexplorer.limits.ConcurrencyLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request and concurrency limits over real HTTP, with the real model: refusals are problem details (503 with
 * Retry-After, 406, 413) decided before the work, label writes are never queued behind embedding, metrics need
 * no N×N work, the matrix cache is invalidated by the service, and a large upload shares the model in chunks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:limits-api;DB_CLOSE_DELAY=-1",
        "simexplorer.limits.max-json-matrix=4",
        "simexplorer.limits.max-json-body=64KB",
        "simexplorer.limits.max-label-changes=5",
        "simexplorer.datasets.max-upload-size=32KB",
        "simexplorer.datasets.embed-chunk=16",
        "simexplorer.concurrency.matrix.queue-wait=300ms",
        "simexplorer.concurrency.matrix.retry-after=4s",
        "simexplorer.concurrency.embedding.queue-wait=3s",
        "simexplorer.concurrency.embedding.retry-after=6s"})
class LimitsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ConcurrencyLimits limits;
    @Autowired
    MatrixCache matrices;
    @Autowired
    DatasetEmbeddings embeddings;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long dataset(int size) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> sentences = new ArrayList<>();
        for (int k = 0; k < size; k++) sentences.add("Limits sentence " + k + " about topic " + (k % 7) + " " + tag);
        HttpResponse<String> created = send("POST", "/api/datasets",
                JSON.writeValueAsString(Map.of("name", "limits", "sentences", sentences)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        return body;
    }

    /** Runs the body on another thread while it holds a permit of the limit; returns a release handle. */
    private static CountDownLatch hold(ConcurrencyLimit limit) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> limit.run(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @Test
    void matrixWorkPastItsLimitIs503WithRetryAfterAndThenServedAgain() throws Exception {
        long id = dataset(6);
        CountDownLatch release = hold(limits.matrix());
        try {
            HttpResponse<String> busy = send("GET", "/api/datasets/" + id + "/similarity?format=int16", null);
            problem(busy, 503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("4");
            problem(send("GET", "/api/datasets/" + id + "/similarity?order=cluster&format=int16", null), 503);
            problem(send("POST", "/api/similarity", "{\"embeddings\":[[1,0],[0,1]]}"), 503);
            // Metrics read only the labelled pairs' cosines: no N×N work, so they are served meanwhile.
            assertThat(send("PUT", "/api/datasets/" + id + "/labels", "[{\"i\":0,\"j\":1,\"label\":1},"
                    + "{\"i\":0,\"j\":2,\"label\":-1}]").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = send("GET", "/api/datasets/" + id + "/metrics", null);
            assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
            assertThat(JSON.readTree(metrics.body()).get("pairs").asInt()).isEqualTo(2);
        } finally {
            release.countDown();
        }
        assertThat(send("GET", "/api/datasets/" + id + "/similarity?format=int16", null).statusCode()).isEqualTo(200);
    }

    @Test
    void embeddingPastItsLimitIs503ButLabelWritesAreNeverQueuedBehindIt() throws Exception {
        long id = dataset(5);
        CountDownLatch release = hold(limits.embedding());
        try {
            long start = System.nanoTime();
            HttpResponse<String> label = send("PUT", "/api/datasets/" + id + "/labels",
                    "[{\"i\":1,\"j\":3,\"label\":1}]");
            assertThat(label.statusCode()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
            HttpResponse<String> busy = send("POST", "/api/embed", "{\"sentences\":[\"Is anyone there?\"]}");
            problem(busy, 503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("6");
            int before = count("datasets");
            problem(send("POST", "/api/datasets", "{\"name\":\"x\",\"sentences\":[\"never embedded "
                    + UUID.randomUUID() + "\"]}"), 503);
            assertThat(count("datasets")).as("a refused creation saves nothing").isEqualTo(before);
        } finally {
            release.countDown();
        }
        assertThat(send("POST", "/api/embed", "{\"sentences\":[\"Is anyone there?\"]}").statusCode()).isEqualTo(200);
    }

    @Test
    void aLargeJsonMatrixIs406PointingToInt16() throws Exception {
        long small = dataset(4);
        assertThat(send("GET", "/api/datasets/" + small + "/similarity?format=json", null).statusCode())
                .isEqualTo(200);
        long large = dataset(5);
        JsonNode refused = problem(send("GET", "/api/datasets/" + large + "/similarity", null), 406);
        assertThat(refused.get("format").asString()).isEqualTo("int16");
        assertThat(refused.get("limit").asInt()).isEqualTo(4);
        assertThat(refused.get("detail").asString()).contains("format=int16");
        assertThat(send("GET", "/api/datasets/" + large + "/similarity?format=int16", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void jsonBodiesOverTheCapAre413BeforeParsingWithOrWithoutContentLength() throws Exception {
        String big = "{\"sentences\":[\"" + "a".repeat(70 * 1024) + "\"]}";
        JsonNode declared = problem(send("POST", "/api/embed", big), 413);
        assertThat(declared.get("detail").asString()).contains("max-json-body");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/embed"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(chunked, 413);
    }

    @Test
    void tooManyLabelChangesIs413AndSavesNothing() throws Exception {
        long id = dataset(8);
        StringBuilder body = new StringBuilder("[");
        for (int j = 1; j <= 6; j++) body.append(j == 1 ? "" : ",").append("{\"i\":0,\"j\":").append(j)
                .append(",\"label\":1}");
        JsonNode refused = problem(send("PUT", "/api/datasets/" + id + "/labels", body.append("]").toString()), 413);
        assertThat(refused.get("limit").asInt()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void rawLabelImportIsCappedWhileItStreams() throws Exception {
        long id = dataset(4);
        StringBuilder csv = new StringBuilder("i,j,label\n");
        while (csv.length() < 40 * 1024) csv.append("0,1,1\n");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/datasets/" + id + "/labels/import"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(problem(chunked, 413).get("limit").asLong()).isEqualTo(32 * 1024);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void theServiceInvalidatesCachedMatricesWhenADatasetChanges() throws Exception {
        long id = dataset(5);
        assertThat(send("GET", "/api/datasets/" + id + "/similarity?format=int16", null).statusCode()).isEqualTo(200);
        assertThat(matrices.bytes()).isGreaterThanOrEqualTo(4L * 5 * 5);
        assertThat(embeddings.bytes()).isGreaterThan(0);
        HttpResponse<String> appended = send("POST", "/api/datasets/" + id + "/sentences",
                "{\"sentences\":[\"One more sentence " + UUID.randomUUID() + "\"]}");
        assertThat(appended.statusCode()).as(appended.body()).isEqualTo(200);
        HttpResponse<byte[]> matrix = http.send(HttpRequest.newBuilder(
                uri("/api/datasets/" + id + "/similarity?format=int16")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(java.nio.ByteBuffer.wrap(matrix.body()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(6);
        assertThat(send("DELETE", "/api/datasets/" + id, null).statusCode()).isEqualTo(204);
        problem(send("GET", "/api/datasets/" + id + "/similarity?format=int16", null), 404);
    }

    @Test
    void aLargeUploadLetsEmbedCallersInBetweenItsChunks() throws Exception {
        List<String> sentences = new ArrayList<>();
        String tag = UUID.randomUUID().toString();
        for (int k = 0; k < 160; k++) {
            sentences.add("Sentence " + k + " of a long upload about the weather, trains and music " + tag);
        }
        CompletableFuture<Long> creation = CompletableFuture.supplyAsync(() -> {
            try {
                send("POST", "/api/datasets", JSON.writeValueAsString(Map.of("name", "big", "sentences", sentences)));
                return System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Wait until the upload holds the model, then ask for one embedding.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (limits.embedding().available() > 0 && System.nanoTime() < deadline) Thread.sleep(5);
        HttpResponse<String> embed = send("POST", "/api/embed", "{\"sentences\":[\"A quick question.\"]}");
        long embedDone = System.nanoTime();
        assertThat(embed.statusCode()).as(embed.body()).isEqualTo(200);
        long creationDone = creation.get(120, TimeUnit.SECONDS);
        assertThat(embedDone).as("the single embedding is served before the 160-sentence upload ends")
                .isLessThan(creationDone);
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}

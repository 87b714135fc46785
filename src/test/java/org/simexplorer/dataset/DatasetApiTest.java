package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.embedding.SentenceEmbedder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset API over real HTTP with the real model and the embedded database: uploads and their limits,
 * the embedding cache in front of the model, the compact similarity matrix, and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:dataset-api;DB_CLOSE_DELAY=-1",
        "simexplorer.datasets.max-upload-size=1MB",
        "spring.servlet.multipart.max-request-size=2MB"})
@Import(DatasetApiTest.Wrapping.class)
class DatasetApiTest {

    @TestConfiguration
    static class Wrapping {
        @Bean
        static BeanPostProcessor countingEmbedderWrapper() {
            return CountingEmbedder.wrapper();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    SentenceEmbedder embedder;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private CountingEmbedder counting() {
        return (CountingEmbedder) embedder;
    }

    @BeforeEach
    void clearCalls() {
        counting().takeCalls();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> postJson(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String path, String filename, byte[] content, String name)
            throws Exception {
        String boundary = "----simex" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (name != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int datasetCount() {
        return jdbc.sql("SELECT COUNT(*) FROM datasets").query(Integer.class).single();
    }

    private static String unique(String text) {
        return text + " (" + UUID.randomUUID().toString().substring(0, 8) + ")";
    }

    @Test
    void createOpenAndAppendEmbedEachSentenceOnce() throws Exception {
        String cat = unique("A cat sleeps on the sofa.");
        String kitten = unique("A kitten naps on the couch.");
        String stocks = unique("Stock markets fell sharply today.");
        HttpResponse<String> created = postJson("/api/datasets",
                Map.of("name", "cache", "sentences", List.of(cat, kitten, cat)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode dataset = JSON.readTree(created.body());
        long id = dataset.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/datasets/" + id);
        assertThat(dataset.get("duplicates").size()).isEqualTo(1);
        assertThat(counting().takeCalls()).containsExactly(List.of(cat, kitten));

        HttpResponse<String> matrix = http.send(HttpRequest.newBuilder(uri("/api/datasets/" + id + "/similarity"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(matrix.statusCode()).isEqualTo(200);
        assertThat(counting().takeCalls()).as("opening the matrix embeds nothing again").isEmpty();

        HttpResponse<String> appended = postJson("/api/datasets/" + id + "/sentences",
                Map.of("sentences", List.of(kitten, stocks)));
        assertThat(appended.statusCode()).as(appended.body()).isEqualTo(200);
        assertThat(counting().takeCalls()).containsExactly(List.of(stocks));

        // The real model puts the two cat sentences closer than either is to the market news.
        JsonNode similarity = JSON.readTree(http.send(HttpRequest.newBuilder(
                uri("/api/datasets/" + id + "/similarity")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode s = similarity.get("matrix");
        assertThat(s.get(0).get(1).asDouble()).isGreaterThan(s.get(0).get(2).asDouble());
        assertThat(s.get(0).get(0).asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void binaryMatrixIsInt16InTheRequestedOrder() throws Exception {
        List<String> sentences = new java.util.ArrayList<>(List.of(unique("The cat purrs."),
                unique("Interest rates rise."), unique("A dog barks."), unique("Bonds and stocks slide."),
                unique("猫在睡觉。")));
        // Enough sentences that the body passes server.compression.min-response-size.
        for (int k = 0; k < 35; k++) sentences.add(unique("Filler sentence number " + k + "."));
        long id = JSON.readTree(postJson("/api/datasets", Map.of("name", "binary", "sentences", sentences)).body())
                .get("id").asLong();
        HttpResponse<byte[]> json = http.send(HttpRequest.newBuilder(
                uri("/api/datasets/" + id + "/similarity?order=cluster")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode reference = JSON.readTree(json.body());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        uri("/api/datasets/" + id + "/similarity?order=cluster&format=int16"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        // Sent as is by default (gzip costs more time than it saves here); decoded if compression is turned on.
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        ByteBuffer buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int n = buffer.getInt();
        assertThat(n).isEqualTo(40);
        assertThat(body).hasSize(4 + 4 * n + 2 * n * n);
        for (int k = 0; k < n; k++) assertThat(buffer.getInt()).isEqualTo(reference.get("order").get(k).asInt());
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                assertThat((int) buffer.getShort())
                        .isEqualTo((int) Math.round((float) reference.get("matrix").get(r).get(c).asDouble() * 10000.0));
            }
        }
    }

    @Test
    void uploadedPairFileBecomesSentencesAndLabelsAndMetrics() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "sentence1,sentence2,label\n"
                + "\"A man is playing a guitar " + tag + ".\",\"Someone plays the guitar " + tag + ".\",1\n"
                + "\"A man is playing a guitar " + tag + ".\",\"The stock market crashed " + tag + ".\",0\n"
                + "\"A woman slices an onion " + tag + ".\",\"Someone is cutting an onion " + tag + ".\",1\n"
                + "\"A woman slices an onion " + tag + ".\",\"Rain is expected tomorrow " + tag + ".\",0\n";
        HttpResponse<String> created = upload("/api/datasets", "pairs.csv", csv.getBytes(StandardCharsets.UTF_8),
                "pairs");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode dataset = JSON.readTree(created.body());
        assertThat(dataset.get("counts").get("sentences").asInt()).isEqualTo(6);
        assertThat(dataset.get("counts").get("labels").asInt()).isEqualTo(4);
        long id = dataset.get("id").asLong();
        JsonNode metrics = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/api/datasets/" + id + "/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(metrics.get("pairs").asInt()).isEqualTo(4);
        assertThat(metrics.get("positives").asInt()).isEqualTo(2);
        // Paraphrases score above unrelated sentences for this model.
        assertThat(metrics.get("rocAuc").asDouble()).isEqualTo(1.0);
        assertThat(metrics.get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anUploadOverTheLimitIs413AndSavesNothing() throws Exception {
        int before = datasetCount();
        StringBuilder big = new StringBuilder();
        while (big.length() < 1_200_000) big.append("This is a fairly long line of filler text number ")
                .append(big.length()).append('\n');
        HttpResponse<String> response = upload("/api/datasets", "big.txt", big.toString().getBytes(StandardCharsets.UTF_8),
                "big");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(datasetCount()).isEqualTo(before);
        assertThat(counting().takeCalls()).isEmpty();
    }

    @Test
    void aBadFileIs400NamingTheLineAndSavesNothing() throws Exception {
        int before = datasetCount();
        byte[] content = "text\nfine line\n\"broken\" line\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = upload("/api/datasets", "bad.csv", content, "bad");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("line").asInt()).isEqualTo(3);
        assertThat(datasetCount()).isEqualTo(before);
    }

    @Test
    void unknownModelIs404AndSavesNothing() throws Exception {
        int before = datasetCount();
        HttpResponse<String> response = postJson("/api/datasets",
                Map.of("name", "x", "sentences", List.of(unique("hello")), "model", "no-such-model"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(datasetCount()).isEqualTo(before);
    }
}

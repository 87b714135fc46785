package org.simexplorer.export;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export endpoints over HTTP with the real model: labels by score, the training bundle, a whole dataset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "spring.datasource.url=jdbc:h2:mem:comparison-api;DB_CLOSE_DELAY=-1"})
class ExportApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /** 20 sentences in 10 paraphrase-like pairs, every pair labelled. */
    private long labelledDataset() throws Exception {
        List<String> sentences = new ArrayList<>();
        List<Map<String, Integer>> labels = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            sentences.add("Topic " + k + " is about the number " + k + ".");
            sentences.add("A sentence on subject " + k + ", the number " + k + ".");
            labels.add(Map.of("i", 2 * k, "j", 2 * k + 1, "label", k % 3 == 0 ? -1 : 1));
        }
        HttpResponse<byte[]> created = send(HttpRequest.newBuilder(uri("/api/datasets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("name", "export", "sentences", sentences)))));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        HttpResponse<byte[]> put = send(HttpRequest.newBuilder(uri("/api/datasets/" + id + "/labels"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(labels))));
        assertThat(put.statusCode()).isEqualTo(200);
        return id;
    }

    @Test
    void labelsExportAsScoresOnRequest() throws Exception {
        long id = labelledDataset();
        String csv = new String(get("/api/datasets/" + id + "/labels/export?format=csv&column=score").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("sentence1,sentence2,score\r\n").contains(",1.0\r\n").contains(",0.0\r\n");
        assertThat(get("/api/datasets/" + id + "/labels/export?column=both").statusCode()).isEqualTo(400);
    }

    @Test
    void theTrainingBundleIsAZipOfTheSplitAndTheScripts() throws Exception {
        long id = labelledDataset();
        HttpResponse<byte[]> response = get("/api/datasets/" + id + "/export/training?loss=cosent&scale=15"
                + "&validationFraction=0.3&seed=2");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        List<String> names = new ArrayList<>();
        String train = null;
        String validation = null;
        String script = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                names.add(entry.getName());
                String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                switch (entry.getName()) {
                    case "train.jsonl" -> train = text;
                    case "validation.jsonl" -> validation = text;
                    case "train.py" -> script = text;
                    default -> { }
                }
            }
        }
        assertThat(names).containsExactly("train.jsonl", "validation.jsonl", "train.py", "requirements.txt",
                "README.txt");
        assertThat(validation.lines().count()).isEqualTo(3);
        assertThat(train.lines().count()).isEqualTo(7);
        assertThat(script).contains("losses.CoSENTLoss(model, scale=15.0)")
                .contains("sentence-transformers/all-MiniLM-L6-v2");

        assertThat(get("/api/datasets/" + id + "/export/training").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/" + id + "/export/training?loss=nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/datasets/" + id + "/export/training?loss=cosent&scale=x").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/" + id + "/export/training?loss=cosent&validationFraction=1").statusCode())
                .isEqualTo(400);
        assertThat(get("/api/datasets/999999/export/training?loss=cosent").statusCode()).isEqualTo(404);
    }

    @Test
    void aWholeDatasetRoundTripsOverHttp() throws Exception {
        long id = labelledDataset();
        HttpResponse<byte[]> exported = get("/api/datasets/" + id + "/export");
        assertThat(exported.statusCode()).isEqualTo(200);
        JsonNode archive = JSON.readTree(exported.body());
        assertThat(archive.get("format").asString()).isEqualTo("similarity-explorer-dataset");
        assertThat(archive.get("labels").get(0).has("createdAt")).isTrue();
        HttpResponse<byte[]> imported = send(HttpRequest.newBuilder(uri("/api/datasets/import"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(exported.body())));
        assertThat(imported.statusCode()).as(new String(imported.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        long copy = JSON.readTree(imported.body()).get("id").asLong();
        assertThat(copy).isNotEqualTo(id);
        assertThat(JSON.readTree(get("/api/datasets/" + copy + "/metrics").body()))
                .isEqualTo(JSON.readTree(get("/api/datasets/" + id + "/metrics").body()));
        assertThat(JSON.readTree(get("/api/datasets/" + copy + "/labels").body()))
                .isEqualTo(JSON.readTree(get("/api/datasets/" + id + "/labels").body()));

        HttpResponse<byte[]> notJson = send(HttpRequest.newBuilder(uri("/api/datasets/import"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{nope")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/999999/export").statusCode()).isEqualTo(404);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

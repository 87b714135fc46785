package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Actuator on the running app with the real model: only health, info and prometheus are exposed; readiness
 * comes up once the default model has loaded; info tells the version and the models; the app's meters count
 * real work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class OperationsEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    BuildProperties build;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(at(path));
    }

    private HttpResponse<String> json(String method, String path, String body) throws Exception {
        return send(at(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
        JsonNode links = JSON.readTree(get("/actuator").body()).path("_links");
        assertThat(links.propertyNames()).containsExactlyInAnyOrder("self", "health", "health-path", "info",
                "prometheus");
        for (String hidden : List.of("env", "beans", "metrics", "configprops", "loggers", "heapdump", "threaddump",
                "mappings", "conditions", "scheduledtasks", "flyway", "caches", "sbom", "startup", "shutdown")) {
            assertThat(get("/actuator/" + hidden).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void readinessComesUpWithTheDefaultModelAndLivenessIsUp() throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        JsonNode readiness = JSON.readTree(get("/actuator/health/readiness").body());
        assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("models",
                "readinessState");
        assertThat(readiness.at("/components/models/status").asString()).isEqualTo("UP");
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void infoTellsTheVersionAndTheModels() throws Exception {
        await().atMost(Duration.ofMinutes(2)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        JsonNode info = JSON.readTree(get("/actuator/info").body());
        assertThat(info.at("/build/version").asString()).isEqualTo(build.getVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.at("/models/default").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(info.at("/models/loaded").toString()).contains("\"all-minilm-l6-v2\"");
    }

    @Test
    void prometheusCountsEmbeddingLabelWritesAndTheMatrixCache() throws Exception {
        String created = json("POST", "/api/datasets",
                "{\"name\":\"meters\",\"sentences\":[\"Metered one.\",\"Metered two.\",\"Metered three.\"]}").body();
        long id = JSON.readTree(created).get("id").asLong();
        double sentencesBefore = scrape("simexplorer_embedding_sentences_total\\{model=\"all-minilm-l6-v2\"}");
        double writesBefore = scrape("simexplorer_labels_writes_total");
        double requestsBefore = scrape("simexplorer_labels_requests_total");
        double commitsBefore = scrape("simexplorer_labels_commits_total");
        double commitTimesBefore = scrape("simexplorer_labels_commit_duration_seconds_count");
        double commitSecondsBefore = scrape("simexplorer_labels_commit_duration_seconds_sum");

        HttpResponse<String> embedded = json("POST", "/api/embed", "{\"sentences\":[\"a\",\"b\",\"c\",\"d\"]}");
        assertThat(embedded.statusCode()).isEqualTo(200);
        HttpResponse<String> labelled = json("PUT", "/api/datasets/" + id + "/labels",
                "[{\"i\":0,\"j\":1,\"label\":1},{\"i\":0,\"j\":2,\"label\":-1}]");
        assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(200);
        assertThat(get("/api/datasets/" + id + "/similarity").statusCode()).isEqualTo(200);

        assertThat(scrape("simexplorer_embedding_sentences_total\\{model=\"all-minilm-l6-v2\"}"))
                .isEqualTo(sentencesBefore + 4);
        assertThat(scrape("simexplorer_embedding_batch_seconds_count\\{model=\"all-minilm-l6-v2\"}")).isPositive();
        assertThat(scrape("simexplorer_labels_writes_total")).isEqualTo(writesBefore + 2);
        // One request with two changes, alone in its commit.
        assertThat(scrape("simexplorer_labels_requests_total")).isEqualTo(requestsBefore + 1);
        assertThat(scrape("simexplorer_labels_commits_total")).isEqualTo(commitsBefore + 1);
        // That commit was timed, into a histogram whose last bucket holds every timed commit.
        assertThat(scrape("simexplorer_labels_commit_duration_seconds_count")).isEqualTo(commitTimesBefore + 1);
        assertThat(scrape("simexplorer_labels_commit_duration_seconds_sum")).isGreaterThan(commitSecondsBefore);
        assertThat(scrape("simexplorer_labels_commit_duration_seconds_bucket\\{le=\"\\+Inf\"}"))
                .isEqualTo(commitTimesBefore + 1);
        // The cached matrix holds at least its 3×3 float cosines.
        assertThat(scrape("simexplorer_matrix_cache_bytes")).isGreaterThanOrEqualTo(3 * 3 * Float.BYTES);
    }

    /** The value of the first Prometheus sample whose name and labels match. */
    private double scrape(String sample) throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher value = Pattern.compile("(?m)^" + sample + " (\\S+)$").matcher(response.body());
        assertThat(value.find()).as(sample + " in\n" + response.body()).isTrue();
        return Double.parseDouble(value.group(1));
    }
}

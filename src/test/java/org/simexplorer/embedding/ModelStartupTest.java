package org.simexplorer.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.simexplorer.metrics.MeterNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app before and after its default model has loaded, with the real model. The load is held at a gate until
 * the test opens it, so "before" is certain rather than a race; the model then loads exactly as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:model-startup;DB_CLOSE_DELAY=-1",
        "simexplorer.embedding.load-wait=300ms"})
class ModelStartupTest {

    /** Holds every model load until {@link #open()}, then loads the model for real. */
    static class GatedModelLoader extends ModelLoader {
        private final CountDownLatch gate = new CountDownLatch(1);

        GatedModelLoader(ModelFiles files, EmbeddingProperties properties, MeterRegistry meters) {
            super(files, properties, meters);
        }

        void open() {
            gate.countDown();
        }

        @Override
        LoadedModel load(ModelSpec spec) {
            try {
                if (!gate.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("the gate never opened");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.load(spec);
        }
    }

    @TestConfiguration
    static class Gate {
        @Bean
        @Primary
        GatedModelLoader gatedModelLoader(ModelFiles files, EmbeddingProperties properties, MeterRegistry meters) {
            return new GatedModelLoader(files, properties, meters);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMBED = "{\"sentences\":[\"The weather is lovely today.\",\"It is sunny.\"]}";

    @LocalServerPort
    int port;
    @Autowired
    GatedModelLoader loader;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double refused(String uri) {
        var counter = meters.find(MeterNames.REQUESTS_REFUSED).tag("uri", uri).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void untilTheDefaultModelLoadsTheAppIsLiveButNotReadyAndEmbeddingIsRefusedWith503() throws Exception {
        // Before: pages and liveness answer, readiness is DOWN because of the models component.
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        JsonNode notReady = JSON.readTree(readiness.body());
        assertThat(notReady.get("status").asString()).isEqualTo("DOWN");
        assertThat(notReady.at("/components/models/status").asString()).isEqualTo("DOWN");
        assertThat(notReady.at("/components/readinessState/status").asString()).isEqualTo("UP");
        assertThat(JSON.readTree(get("/actuator/info").body()).at("/models/loading").toString())
                .isEqualTo("[\"all-minilm-l6-v2\"]");

        // An embedding request waits the configured 300 ms, then gets a 503 problem with Retry-After.
        long start = System.nanoTime();
        HttpResponse<String> refused = post("/api/embed", EMBED);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(waitedMillis).isGreaterThanOrEqualTo(300);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).contains("all-minilm-l6-v2", "still loading");
        assertThat(refused("/api/embed")).isEqualTo(1.0);

        // A dataset created now is refused the same way, and nothing is saved.
        HttpResponse<String> dataset = post("/api/datasets", "{\"name\":\"early\",\"sentences\":[\"One.\",\"Two.\"]}");
        assertThat(dataset.statusCode()).as(dataset.body()).isEqualTo(503);
        assertThat(dataset.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(get("/api/datasets").body()).isEqualTo("[]");

        // After: once the model has loaded, readiness is UP and the same request is answered.
        loader.open();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        JsonNode ready = JSON.readTree(get("/actuator/health/readiness").body());
        assertThat(ready.get("status").asString()).isEqualTo("UP");
        assertThat(ready.at("/components/models/status").asString()).isEqualTo("UP");
        HttpResponse<String> embedded = post("/api/embed", EMBED);
        assertThat(embedded.statusCode()).as(embedded.body()).isEqualTo(200);
        assertThat(JSON.readTree(embedded.body()).get("embeddings").size()).isEqualTo(2);
        JsonNode info = JSON.readTree(get("/actuator/info").body());
        assertThat(info.at("/models/loaded").toString()).isEqualTo("[\"all-minilm-l6-v2\"]");
        assertThat(info.at("/models/loading").size()).isZero();
    }
}

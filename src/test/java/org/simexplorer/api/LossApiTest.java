package org.simexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** /api/loss on the running app with sentences embedded by the real MiniLM model. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"simexplorer.data-dir=./target/test-data/loss-api", "server.address=127.0.0.1"})
class LossApiTest {

    private static final List<String> SENTENCES = List.of("The weather is lovely today.", "It's so sunny outside!",
            "He drove to the stadium.");
    // The two weather sentences are similar; both are dissimilar to the stadium.
    private static final List<List<Integer>> TARGET = List.of(List.of(0, 1, -1), List.of(1, 0, -1), List.of(-1, -1, 0));

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sentencesGiveTheSameLossAsTheirEmbeddings() throws Exception {
        Map<String, Object> bySentences = new LinkedHashMap<>();
        bySentences.put("loss", "contrastive");
        bySentences.put("sentences", SENTENCES);
        bySentences.put("target", TARGET);
        bySentences.put("gradient", true);
        HttpResponse<String> response = post("/api/loss", bySentences);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.get("labelledPairs").asInt()).isEqualTo(3);
        assertThat(result.get("gradient").size()).isEqualTo(3);
        assertThat(result.get("gradient").get(0).size()).isEqualTo(384);
        JsonNode pairs = result.get("pairContributions");
        double weather = pairs.get(0).get("similarity").asDouble();
        assertThat(weather).as("the model sees the weather sentences as alike")
                .isGreaterThan(pairs.get(1).get("similarity").asDouble())
                .isGreaterThan(pairs.get(2).get("similarity").asDouble());

        HttpResponse<String> embedded = post("/api/embed", Map.of("sentences", SENTENCES));
        assertThat(embedded.statusCode()).as(embedded.body()).isEqualTo(200);
        Map<String, Object> byEmbeddings = new LinkedHashMap<>(bySentences);
        byEmbeddings.remove("sentences");
        byEmbeddings.put("embeddings", json.readTree(embedded.body()).get("embeddings"));
        JsonNode again = json.readTree(post("/api/loss", byEmbeddings).body());
        assertThat(again.get("value").asDouble()).isCloseTo(result.get("value").asDouble(), within(1e-6));
    }

    @Test
    void unknownModelIs404AsProblemDetail() throws Exception {
        HttpResponse<String> response = post("/api/loss", Map.of("loss", "cosent", "sentences", SENTENCES,
                "model", "no-such-model", "target", TARGET));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("no-such-model");
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package org.simexplorer.datasetloss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.explorer.GeneratedText;
import org.simexplorer.similarity.PairCosine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/datasets/{id}/queue} over HTTP with the real model: the informative queue centres on the labels'
 * best threshold and leaves the labelled pairs out, the random queue is seeded, and bad parameters are 400s
 * naming them. The tiled page size is set low, as the page asks this endpoint only when it is tiled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:label-queue-api;DB_CLOSE_DELAY=-1",
        "simexplorer.tiles.tiled-above=20"})
class LabelQueueApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DatasetEmbeddings embeddings;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (body == null) request.GET();
        else request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long dataset(int n) throws Exception {
        HttpResponse<String> created = send("POST", "/api/datasets",
                Map.of("name", "queue", "sentences", GeneratedText.sentences(n)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void theInformativeQueueLeavesLabelledPairsOutAndRanksByDistanceToTheBestThreshold() throws Exception {
        long id = dataset(60);
        JsonNode before = ok("/api/datasets/" + id + "/queue?limit=20");
        assertThat(before.get("thresholdFrom").asString()).isEqualTo("default");
        assertThat(before.get("threshold").asDouble()).isEqualTo(LabelQueue.DEFAULT_THRESHOLD);
        List<Map<String, Integer>> changes = new ArrayList<>();
        Set<String> labelled = new HashSet<>();
        JsonNode firstPairs = before.get("pairs");
        for (int p = 0; p < 6; p++) {
            JsonNode pair = firstPairs.get(p);
            changes.add(Map.of("i", pair.get("i").asInt(), "j", pair.get("j").asInt(), "label", p % 2 == 0 ? 1 : -1));
            labelled.add(pair.get("i").asInt() + "-" + pair.get("j").asInt());
        }
        assertThat(send("PUT", "/api/datasets/" + id + "/labels", changes).statusCode()).isEqualTo(200);

        JsonNode queue = ok("/api/datasets/" + id + "/queue?strategy=informative&limit=30&seed=3");
        double threshold = ok("/api/datasets/" + id + "/metrics").get("f1Threshold").asDouble();
        assertThat(queue.get("thresholdFrom").asString()).isEqualTo("f1");
        assertThat(queue.get("threshold").asDouble()).isEqualTo(threshold);
        assertThat(queue.get("n").asInt()).isEqualTo(60);
        assertThat(queue.get("sampledRows").asInt()).isEqualTo(60);
        assertThat(queue.get("considered").asInt()).isEqualTo(60 * LabelQueue.NEIGHBOURS);
        float[][] vectors = embeddings.of(id).vectors();
        JsonNode pairs = queue.get("pairs");
        assertThat(pairs.size()).isEqualTo(30);
        Set<String> seen = new HashSet<>();
        double previous = -1;
        for (JsonNode pair : pairs) {
            int i = pair.get("i").asInt();
            int j = pair.get("j").asInt();
            assertThat(i).isLessThan(j);
            assertThat(labelled).doesNotContain(i + "-" + j);
            assertThat(seen.add(i + "-" + j)).isTrue();
            double cosine = pair.get("cosine").asDouble();
            assertThat(cosine).isCloseTo(PairCosine.of(vectors[i], vectors[j]), within(1e-4));
            assertThat(Math.abs(cosine - threshold)).isGreaterThanOrEqualTo(previous);
            previous = Math.abs(cosine - threshold);
            assertThat(pair.get("reason").asString()).isEqualTo("near-threshold");
        }
    }

    @Test
    void theRandomQueueIsTheSameForASeedAndLeavesLabelledPairsOut() throws Exception {
        long id = dataset(25);
        assertThat(send("PUT", "/api/datasets/" + id + "/labels", List.of(Map.of("i", 0, "j", 1, "label", 1))).statusCode())
                .isEqualTo(200);
        JsonNode first = ok("/api/datasets/" + id + "/queue?strategy=random&limit=200&seed=9");
        JsonNode again = ok("/api/datasets/" + id + "/queue?strategy=random&limit=200&seed=9");
        JsonNode other = ok("/api/datasets/" + id + "/queue?strategy=random&limit=200&seed=10");
        assertThat(first.get("pairs")).isEqualTo(again.get("pairs")).isNotEqualTo(other.get("pairs"));
        assertThat(first.get("pairs").size()).isEqualTo(200);
        assertThat(first.get("sampledRows").asInt()).isZero();
        float[][] vectors = embeddings.of(id).vectors();
        for (JsonNode pair : first.get("pairs")) {
            int i = pair.get("i").asInt();
            int j = pair.get("j").asInt();
            assertThat(i).isLessThan(j);
            assertThat(i == 0 && j == 1).isFalse();
            assertThat(pair.get("reason").asString()).isEqualTo("random");
            assertThat(pair.get("cosine").asDouble()).isCloseTo(PairCosine.of(vectors[i], vectors[j]), within(1e-4));
        }
    }

    @Test
    void aBadLimitOrStrategyIsA400NamingItAndAMissingDatasetA404() throws Exception {
        long id = dataset(5);
        for (String query : new String[] {"limit=0", "limit=501", "strategy=best"}) {
            HttpResponse<String> response = send("GET", "/api/datasets/" + id + "/queue?" + query, null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("field").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(send("GET", "/api/datasets/" + id + "/queue?limit=500&strategy=RANDOM", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/datasets/999999/queue", null).statusCode()).isEqualTo(404);
    }
}

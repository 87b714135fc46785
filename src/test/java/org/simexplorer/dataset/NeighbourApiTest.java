package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.simexplorer.embedding.Embeddings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/datasets/{id}/neighbours} over HTTP with the real model: the neighbours of a sentence and of a
 * text, k's range, and the index taking over once it is built; and, from the k-means size, the map's clusters
 * agreeing with the heatmap's cluster order (both thresholds are set low here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:neighbour-api;DB_CLOSE_DELAY=-1",
        "simexplorer.neighbours.index-from=40",
        "simexplorer.clusters.kmeans-from=40"})
class NeighbourApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ANIMALS = List.of("The cat sleeps on the sofa.", "A kitten naps on the couch.",
            "Dogs bark at the postman.", "A puppy barks at the mail carrier.", "Stock markets fell sharply today.",
            "Shares dropped steeply this afternoon.", "It will rain tomorrow.", "Showers are forecast for tomorrow.");

    @LocalServerPort
    int port;
    @Autowired
    DatasetEmbeddings embeddings;
    @Autowired
    DatasetNeighbours neighbours;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long create(String name, List<String> sentences) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/datasets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name, "sentences", sentences))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void aSentencesNeighboursAreTheMostSimilarOthersMostSimilarFirst() throws Exception {
        long id = create("animals", ANIMALS);
        JsonNode body = JSON.readTree(get("/api/datasets/" + id + "/neighbours?sentence=0&k=3").body());
        assertThat(body.get("method").asString()).isEqualTo("exact");
        assertThat(body.get("of").asInt()).isZero();
        JsonNode list = body.get("neighbours");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(0).get("index").asInt()).isEqualTo(1);
        float[][] vectors = embeddings.of(id).vectors();
        List<Integer> expected = bruteForce(vectors, vectors[0], 0, 3);
        List<Integer> found = new ArrayList<>();
        for (JsonNode n : list) found.add(n.get("index").asInt());
        assertThat(found).isEqualTo(expected);
        assertThat(list.get(0).get("similarity").asDouble()).isCloseTo(cosine(vectors[0], vectors[1]),
                org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void aTextIsEmbeddedWithTheDatasetsModelAndSearched() throws Exception {
        long id = create("by-text", ANIMALS);
        String text = URLEncoder.encode("the market crashed", StandardCharsets.UTF_8);
        JsonNode body = JSON.readTree(get("/api/datasets/" + id + "/neighbours?text=" + text + "&k=2").body());
        assertThat(body.get("of").isNull()).isTrue();
        List<Integer> found = new ArrayList<>();
        for (JsonNode n : body.get("neighbours")) found.add(n.get("index").asInt());
        assertThat(found).containsExactlyInAnyOrder(4, 5);
    }

    @Test
    void kOutsideOneToAThousandAndAMissingSentenceAreProblemsNamingTheField() throws Exception {
        long id = create("limits", ANIMALS);
        for (String k : new String[] {"0", "1001", "-3"}) {
            HttpResponse<String> response = get("/api/datasets/" + id + "/neighbours?sentence=0&k=" + k);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("field").asString()).isEqualTo("k");
        }
        assertThat(get("/api/datasets/" + id + "/neighbours?sentence=1000&k=5").statusCode()).isEqualTo(404);
        assertThat(get("/api/datasets/" + id + "/neighbours?k=5").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/999999/neighbours?sentence=0").statusCode()).isEqualTo(404);
        assertThat(get("/api/datasets/" + id + "/neighbours?sentence=0&k=1000").statusCode()).isEqualTo(200);
    }

    @Test
    void fromTheIndexSizeTheIndexAnswersOnceBuiltWithTheExactNeighbours() throws Exception {
        List<String> sentences = new ArrayList<>(ANIMALS);
        for (int i = 0; sentences.size() < 48; i++) sentences.add("Sentence number " + i + " about topic " + (i % 5) + ".");
        long id = create("indexed", sentences);
        String path = "/api/datasets/" + id + "/neighbours?sentence=2&k=5";
        JsonNode first = JSON.readTree(get(path).body());
        await().atMost(Duration.ofSeconds(60)).until(() -> "hnsw".equals(JSON.readTree(get(path).body()).get("method").asString()));
        JsonNode indexed = JSON.readTree(get(path).body()).get("neighbours");
        assertThat(indexed.size()).isEqualTo(5);
        for (int t = 0; t < 5; t++) {
            assertThat(indexed.get(t).get("index").asInt()).isEqualTo(first.get("neighbours").get(t).get("index").asInt());
            assertThat(indexed.get(t).get("similarity").asDouble()).isCloseTo(
                    first.get("neighbours").get(t).get("similarity").asDouble(), org.assertj.core.api.Assertions.within(1e-5));
        }
        // search=exact bypasses the built index, so the index's recall can be measured through the API
        JsonNode exact = JSON.readTree(get(path + "&search=exact").body());
        assertThat(exact.get("method").asString()).isEqualTo("exact");
        assertThat(exact.get("neighbours").get(0).get("index").asInt()).isEqualTo(indexed.get(0).get("index").asInt());
        HttpResponse<String> bad = get(path + "&search=fuzzy");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asString()).isEqualTo("search");
    }

    @Test
    void fromTheKMeansSizeTheMapsClustersAreRunsOfTheMatrixClusterOrder() throws Exception {
        List<String> sentences = new ArrayList<>(ANIMALS);
        for (int i = 0; sentences.size() < 60; i++) sentences.add("Line " + i + " on theme " + (i % 4) + ".");
        long id = create("kmeans", sentences);
        HttpResponse<byte[]> matrix = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/datasets/" + id + "/similarity?order=cluster&format=int16")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(matrix.body()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int n = bytes.getInt();
        int[] order = new int[n];
        for (int p = 0; p < n; p++) order[p] = bytes.getInt();
        assertThat(order).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 60).toArray());
        JsonNode cluster = JSON.readTree(get("/api/datasets/" + id + "/clusters?k=3").body()).get("cluster");
        int changes = 0;
        for (int p = 1; p < n; p++) {
            if (cluster.get(order[p]).asInt() != cluster.get(order[p - 1]).asInt()) changes++;
        }
        assertThat(changes).isEqualTo(2);
        assertThat(get("/api/datasets/" + id + "/clusters?k=61").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(get("/api/datasets/" + id + "/clusters?k=20").body()).get("cluster").size()).isEqualTo(60);
    }

    private static List<Integer> bruteForce(float[][] vectors, float[] query, int exclude, int k) {
        List<Integer> rows = new ArrayList<>();
        for (int j = 0; j < vectors.length; j++) if (j != exclude) rows.add(j);
        rows.sort((a, b) -> Double.compare(cosine(query, vectors[b]), cosine(query, vectors[a])));
        return rows.subList(0, k);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int t = 0; t < a.length; t++) {
            dot += (double) a[t] * b[t];
            na += (double) a[t] * a[t];
            nb += (double) b[t] * b[t];
        }
        return dot / Math.sqrt(na * nb);
    }
}

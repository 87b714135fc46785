package org.simexplorer.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.evaluation.Correlation;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comparison, projection and cluster endpoints over HTTP with the real MiniLM and bge-small-en models: each
 * model's column must equal what the dataset endpoints answer for a dataset created with that model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "spring.datasource.url=jdbc:h2:mem:comparison-api;DB_CLOSE_DELAY=-1"})
class ComparisonApiTest {

    static final String MINILM = "all-minilm-l6-v2";
    static final String BGE = "bge-small-en-v1.5";
    static final List<String> SENTENCES = List.of("The cat sleeps on the sofa.", "A kitten naps on the couch.",
            "Dogs love to chase balls.", "The puppy runs after a ball.", "Stock markets fell sharply today.",
            "Shares dropped on the exchange.", "The central bank raised interest rates.",
            "Heavy rain is expected tomorrow.", "It will be stormy and wet later this week.",
            "I baked bread this morning.", "Fresh loaves came out of my oven.", "The train was late again.");
    static final List<Map<String, Integer>> LABELS = List.of(Map.of("i", 0, "j", 1, "label", 1),
            Map.of("i", 2, "j", 3, "label", 1), Map.of("i", 4, "j", 5, "label", 1), Map.of("i", 7, "j", 8, "label", 1),
            Map.of("i", 9, "j", 10, "label", 1), Map.of("i", 0, "j", 4, "label", -1),
            Map.of("i", 1, "j", 11, "label", -1), Map.of("i", 3, "j", 9, "label", -1),
            Map.of("i", 6, "j", 8, "label", -1), Map.of("i", 5, "j", 6, "label", -1));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private long minilmDataset;
    private long bgeDataset;

    @BeforeEach
    void createDatasets() throws Exception {
        minilmDataset = create(MINILM, true);
        bgeDataset = create(BGE, true);
    }

    @Test
    void eachModelsColumnEqualsThatModelsOwnDatasetEndpoints() throws Exception {
        HttpResponse<String> response = get("/api/datasets/" + minilmDataset + "/comparison?models=" + MINILM + ","
                + BGE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode comparison = JSON.readTree(response.body());
        JsonNode models = comparison.get("models");
        assertThat(models.size()).isEqualTo(2);
        long[] datasets = {minilmDataset, bgeDataset};
        for (int m = 0; m < 2; m++) {
            JsonNode column = models.get(m);
            assertThat(column.get("model").asString()).isEqualTo(m == 0 ? MINILM : BGE);
            JsonNode expected = JSON.readTree(get("/api/datasets/" + datasets[m] + "/metrics").body());
            assertThat(column.get("metrics").propertyNames()).containsExactlyElementsOf(expected.propertyNames());
            for (String field : expected.propertyNames()) {
                assertThat(column.get("metrics").get(field).asDouble()).as("%s %s", m, field)
                        .isCloseTo(expected.get(field).asDouble(), within(1e-6));
            }
            JsonNode losses = column.get("losses");
            assertThat(losses.get("labelledPairs").asInt()).isEqualTo(LABELS.size());
            assertThat(losses.get("losses").size()).isEqualTo(JSON.readTree(get("/api/losses").body()).size());
            for (JsonNode loss : losses.get("losses")) {
                JsonNode direct = JSON.readTree(get("/api/datasets/" + datasets[m] + "/loss?loss="
                        + loss.get("loss").asString()).body());
                assertThat(loss.get("value").asDouble()).as(loss.get("loss").asString())
                        .isCloseTo(direct.get("value").asDouble(), within(1e-5));
            }
        }
        assertThat(models.get(0).get("spearmanWithFirst").asDouble()).isEqualTo(1.0);
        assertDisagreementsMatchTheTwoMatrices(comparison);
    }

    /** Spearman over all pairs, and the disagreements over the neighbour candidates, from the two matrices. */
    private void assertDisagreementsMatchTheTwoMatrices(JsonNode comparison) throws Exception {
        JsonNode a = JSON.readTree(get("/api/datasets/" + minilmDataset + "/similarity").body()).get("matrix");
        JsonNode b = JSON.readTree(get("/api/datasets/" + bgeDataset + "/similarity").body()).get("matrix");
        int n = SENTENCES.size();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) pairs.add(new int[] {i, j});
        }
        assertThat(comparison.get("pairsCompared").asInt()).isEqualTo(pairs.size());
        assertThat(comparison.get("models").get(1).get("spearmanWithFirst").asDouble())
                .isCloseTo(Correlation.pearson(ranks(a, pairs), ranks(b, pairs)), within(0.01));
        assertDisagreementsAreBruteForce(comparison, a, b);
    }

    @Test
    void disagreementsAreTheNeighbourCandidatesRankedApartAsBruteForceFindsThem() throws Exception {
        List<String> subjects = List.of("The cat", "A child", "My neighbour", "The old dog", "A farmer", "The pilot");
        List<String> verbs = List.of("watches", "paints", "repairs", "sells", "forgets", "finds");
        List<String> objects = List.of("the red car", "a wooden boat", "the stock report", "fresh bread",
                "an umbrella");
        List<String> sentences = new ArrayList<>();
        for (String subject : subjects) {
            for (String verb : verbs) {
                for (String object : objects) sentences.add(subject + " " + verb + " " + object + ".");
            }
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/datasets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("name", "generated", "model", MINILM, "sentences", sentences)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        HttpResponse<String> response = get("/api/datasets/" + id + "/comparison?models=" + MINILM + "," + BGE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(get("/api/datasets/" + id + "/similarity").body()).get("matrix");
        JsonNode b = JSON.readTree(get("/api/datasets/" + id + "/similarity?model=" + BGE).body()).get("matrix");
        assertDisagreementsAreBruteForce(JSON.readTree(response.body()), a, b);
    }

    /**
     * The candidates are every pair (i, j) with j among i's top 10 under either matrix, for every sentence (the
     * datasets here are below the sentence sample); the disagreements are those ranked most apart among them.
     */
    private static void assertDisagreementsAreBruteForce(JsonNode comparison, JsonNode a, JsonNode b) {
        int n = a.size();
        java.util.TreeSet<Long> keys = new java.util.TreeSet<>();
        for (JsonNode matrix : List.of(a, b)) {
            for (int i = 0; i < n; i++) {
                final int row = i;
                java.util.stream.IntStream.range(0, n).filter(j -> j != row).boxed()
                        .sorted(java.util.Comparator.comparingDouble((Integer j) -> -matrix.get(row).get(j).asDouble())
                                .thenComparingInt(j -> j))
                        .limit(ComparisonService.DISAGREEMENT_NEIGHBOURS)
                        .forEach(j -> keys.add((long) Math.min(row, j) * n + Math.max(row, j)));
            }
        }
        List<int[]> candidates = keys.stream().map(k -> new int[] {(int) (k / n), (int) (k % n)}).toList();
        assertThat(comparison.get("disagreementPairs").asInt()).isEqualTo(candidates.size());
        double[] firstRanks = ranks(a, candidates);
        double[] secondRanks = ranks(b, candidates);
        JsonNode disagreements = comparison.get("disagreements");
        assertThat(disagreements.size()).isEqualTo(Math.min(50, candidates.size()));
        double previous = Double.MAX_VALUE;
        for (JsonNode d : disagreements) {
            int i = d.get("i").asInt();
            int j = d.get("j").asInt();
            assertThat(i).isLessThan(j);
            assertThat(keys).contains((long) i * n + j);
            assertThat(d.get("cosines").get(0).asDouble()).isCloseTo(a.get(i).get(j).asDouble(), within(1e-5));
            assertThat(d.get("cosines").get(1).asDouble()).isCloseTo(b.get(i).get(j).asDouble(), within(1e-5));
            int c = candidates.indexOf(candidates.stream().filter(p -> p[0] == i && p[1] == j).findFirst().orElseThrow());
            // Float rounding between the two routes can swap near-ties, so allow one rank step.
            assertThat(d.get("rankDifference").asDouble()).isCloseTo(secondRanks[c] - firstRanks[c], within(1.0));
            double difference = Math.abs(d.get("rankDifference").asDouble());
            assertThat(difference).isLessThanOrEqualTo(previous);
            previous = difference;
        }
        double largest = 0;
        for (int k = 0; k < candidates.size(); k++) largest = Math.max(largest, Math.abs(secondRanks[k] - firstRanks[k]));
        assertThat(Math.abs(disagreements.get(0).get("rankDifference").asDouble())).isCloseTo(largest, within(1.0));
    }

    private static double[] ranks(JsonNode matrix, List<int[]> pairs) {
        float[] cosines = new float[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) cosines[k] = (float) matrix.get(pairs.get(k)[0]).get(pairs.get(k)[1]).asDouble();
        return Correlation.ranks(cosines);
    }

    @Test
    void badInputIsAProblemDetail() throws Exception {
        String base = "/api/datasets/" + minilmDataset + "/comparison?models=";
        HttpResponse<String> unknown = get(base + MINILM + ",no-such-model");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(unknown.body());
        assertThat(problem.get("detail").asString()).contains("no-such-model").contains(BGE);
        assertThat(problem.get("knownModels").toString()).contains(MINILM);
        assertThat(get(base + MINILM).statusCode()).isEqualTo(400);
        assertThat(get(base + "a,b,c,d,e").statusCode()).isEqualTo(400);
        assertThat(get(base + MINILM + "," + MINILM).statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/" + minilmDataset + "/comparison").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/999999/comparison?models=" + MINILM + "," + BGE).statusCode()).isEqualTo(404);
    }

    @Test
    void aDatasetWithoutLabelsAnswersWithZeroPairsAndUndefinedLosses() throws Exception {
        long unlabelled = create(MINILM, false);
        HttpResponse<String> response = get("/api/datasets/" + unlabelled + "/comparison?models=" + MINILM + ","
                + BGE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode column = JSON.readTree(response.body()).get("models").get(1);
        assertThat(column.get("metrics").get("pairs").asInt()).isZero();
        assertThat(column.get("metrics").get("rocAuc").isNull()).isTrue();
        for (JsonNode loss : column.get("losses").get("losses")) {
            assertThat(loss.get("value").isNull()).isTrue();
            assertThat(loss.get("undefinedReason").asString()).isNotBlank();
        }
    }

    @Test
    void projectionAndClustersAnswerInSentenceOrder() throws Exception {
        JsonNode projection = JSON.readTree(get("/api/datasets/" + minilmDataset + "/projection?method=pca").body());
        assertThat(projection.get("method").asString()).isEqualTo("pca");
        assertThat(projection.get("model").asString()).isEqualTo(MINILM);
        assertThat(projection.get("points").size()).isEqualTo(SENTENCES.size());
        assertThat(projection.get("points").get(0).size()).isEqualTo(2);
        JsonNode other = JSON.readTree(get("/api/datasets/" + minilmDataset + "/projection?model=" + BGE).body());
        assertThat(other.get("model").asString()).isEqualTo(BGE);
        assertThat(other.get("points").toString()).isNotEqualTo(projection.get("points").toString());
        // The cat and kitten sentences sit closer on the map than the cat and the stock market.
        JsonNode p = projection.get("points");
        assertThat(distance(p.get(0), p.get(1))).isLessThan(distance(p.get(0), p.get(4)));

        JsonNode clusters = JSON.readTree(get("/api/datasets/" + minilmDataset + "/clusters?k=3").body());
        assertThat(clusters.get("k").asInt()).isEqualTo(3);
        assertThat(clusters.get("cluster").size()).isEqualTo(SENTENCES.size());
        assertThat(clusters.get("cluster").get(0).asInt()).isZero();
        java.util.Set<Integer> groups = new java.util.HashSet<>();
        clusters.get("cluster").forEach(c -> groups.add(c.asInt()));
        assertThat(groups).containsExactlyInAnyOrder(0, 1, 2);

        assertThat(get("/api/datasets/" + minilmDataset + "/clusters?k=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/" + minilmDataset + "/clusters?k=13").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/" + minilmDataset + "/clusters").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/" + minilmDataset + "/projection?method=tsne").statusCode()).isEqualTo(400);
        assertThat(get("/api/datasets/" + minilmDataset + "/projection?model=nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/datasets/999999/clusters?k=2").statusCode()).isEqualTo(404);
    }

    @Test
    void theMapSampleIsTheSampleGraphAndEachOtherSentencesNearestSampledOnesAsFlatArrays() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/api/datasets/" + minilmDataset
                + "/map-sample?sample=5&k=3&place=2")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Map-Model")).contains(MINILM);
        java.nio.ByteBuffer body = java.nio.ByteBuffer.wrap(response.body()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int n = body.getInt();
        int m = body.getInt();
        int k = body.getInt();
        int place = body.getInt();
        assertThat(new int[] {n, m, k, place}).containsExactly(SENTENCES.size(), 5, 3, 2);
        assertThat(response.body()).hasSize(16 + 4 * m + 8 * m * k + 8 * (n - m) * place);
        int[] sample = new int[m];
        for (int s = 0; s < m; s++) sample[s] = body.getInt();
        assertThat(sample).isSorted().doesNotHaveDuplicates();
        int[] graph = new int[m * k];
        for (int t = 0; t < graph.length; t++) graph[t] = body.getInt();
        float[] graphCosines = new float[m * k];
        for (int t = 0; t < graphCosines.length; t++) graphCosines[t] = body.getFloat();
        JsonNode matrix = JSON.readTree(get("/api/datasets/" + minilmDataset + "/similarity").body()).get("matrix");
        for (int s = 0; s < m; s++) {
            final int row = sample[s];
            final int own = s;
            int[] expected = java.util.stream.IntStream.range(0, m).filter(p -> p != own).boxed()
                    .sorted(java.util.Comparator.comparingDouble((Integer p) -> -matrix.get(row).get(sample[p]).asDouble()))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(java.util.Arrays.copyOfRange(graph, s * k, s * k + k)).containsExactly(expected);
            for (int t = 0; t < k; t++) {
                assertThat((double) graphCosines[s * k + t]).isCloseTo(matrix.get(row).get(sample[graph[s * k + t]])
                        .asDouble(), within(1e-5));
            }
        }
        int[] rest = java.util.stream.IntStream.range(0, n)
                .filter(i -> java.util.Arrays.binarySearch(sample, i) < 0).toArray();
        int[] placed = new int[rest.length * place];
        for (int t = 0; t < placed.length; t++) placed[t] = body.getInt();
        for (int r = 0; r < rest.length; r++) {
            final int row = rest[r];
            int best = java.util.stream.IntStream.range(0, m).boxed()
                    .max(java.util.Comparator.comparingDouble(p -> matrix.get(row).get(sample[p]).asDouble()))
                    .orElseThrow();
            assertThat(placed[r * place]).as("nearest sampled sentence of %s", row).isEqualTo(best);
        }
    }

    @Test
    void aMapSampleOutOfRangeIsAProblemDetailNamingTheField() throws Exception {
        String base = "/api/datasets/" + minilmDataset + "/map-sample?";
        for (String[] bad : new String[][] {{"sample=1", "sample"}, {"sample=20001", "sample"}, {"k=0", "k"},
                {"k=101", "k"}, {"sample=5&k=5", "k"}, {"place=0", "place"}, {"place=51", "place"}}) {
            HttpResponse<String> response = get(base + bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(get(base + "model=nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/datasets/999999/map-sample").statusCode()).isEqualTo(404);
    }

    private static double distance(JsonNode a, JsonNode b) {
        return Math.hypot(a.get(0).asDouble() - b.get(0).asDouble(), a.get(1).asDouble() - b.get(1).asDouble());
    }

    private long create(String model, boolean labelled) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/datasets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("name", "compare", "model", model, "sentences", SENTENCES)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        if (labelled) {
            HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/api/datasets/" + id + "/labels"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(LABELS))));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        return id;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

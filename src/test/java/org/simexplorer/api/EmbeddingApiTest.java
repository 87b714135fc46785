package org.simexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.simexplorer.embedding.DjlSentenceEmbedder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The embedding API on the running app with the real MiniLM model: no part of the model is mocked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"simexplorer.data-dir=./target/test-data/embedding-api", "simexplorer.limits.max-sentences-per-request=50",
                "simexplorer.limits.max-chars-per-sentence=5000"})
class EmbeddingApiTest {

    private static final List<String> WEATHER = List.of("The weather is lovely today.", "It's so sunny outside!",
            "He drove to the stadium.");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    DjlSentenceEmbedder embedder;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode embed(List<String> sentences) throws Exception {
        HttpResponse<String> response = post("/api/embed", json.writeValueAsString(new java.util.HashMap<>(
                java.util.Map.of("sentences", sentences))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static double[][] vectors(JsonNode body) {
        JsonNode rows = body.get("embeddings");
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = new double[rows.get(i).size()];
            for (int k = 0; k < out[i].length; k++) out[i][k] = rows.get(i).get(k).asDouble();
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) sum += a[k] * b[k];
        return sum;
    }

    @Test
    void embedsSentencesAsUnitVectorsOrderedByMeaning() throws Exception {
        JsonNode body = embed(WEATHER);
        assertThat(body.get("model").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(body.get("dimension").asInt()).isEqualTo(384);
        assertThat(body.get("truncated").size()).isZero();
        double[][] v = vectors(body);
        assertThat(v).hasNumberOfRows(3);
        for (double[] row : v) {
            assertThat(row).hasSize(384);
            assertThat(Math.sqrt(dot(row, row))).isCloseTo(1.0, within(1e-5));
        }
        double s01 = dot(v[0], v[1]), s12 = dot(v[1], v[2]), s02 = dot(v[0], v[2]);
        assertThat(s01).isGreaterThan(s12);
        assertThat(s12).isGreaterThan(s02);
    }

    @Test
    void batchedAndOneAtATimeAgree() throws Exception {
        List<String> sentences = new ArrayList<>(WEATHER);
        sentences.add("A considerably longer sentence, so that the batch needs padding for the shorter ones in it.");
        sentences.add("Short.");
        double[][] batched = vectors(embed(sentences));
        for (int i = 0; i < sentences.size(); i++) {
            double[] single = vectors(embed(List.of(sentences.get(i))))[0];
            for (int k = 0; k < single.length; k++) {
                assertThat(batched[i][k]).as("sentence %d dim %d", i, k).isCloseTo(single[k], within(1e-5));
            }
        }
    }

    @Test
    void reportsTruncatedSentences() throws Exception {
        String longText = "word ".repeat(400).trim();
        JsonNode body = embed(List.of("Short one.", longText, "Another short one."));
        assertThat(body.get("truncated").size()).isEqualTo(1);
        assertThat(body.get("truncated").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void similarityOfSentencesIsTheCosineMatrix() throws Exception {
        HttpResponse<String> response = post("/api/similarity", json.writeValueAsString(java.util.Map.of("sentences", WEATHER)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        double[][] v = vectors(embed(WEATHER));
        JsonNode matrix = body.get("matrix");
        assertThat(matrix.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(matrix.get(i).get(j).asDouble()).isCloseTo(dot(v[i], v[j]), within(1e-5));
            }
        }
    }

    @Test
    void similarityOfGivenEmbeddingsNormalisesRowsAndGivesZeroForZeroVectors() throws Exception {
        HttpResponse<String> response = post("/api/similarity", "{\"embeddings\":[[3,4],[6,8],[0,0],[-4,3]]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode matrix = json.readTree(response.body()).get("matrix");
        assertThat(matrix.get(0).get(1).asDouble()).isCloseTo(1.0, within(1e-6));
        assertThat(matrix.get(0).get(3).asDouble()).isCloseTo(0.0, within(1e-6));
        assertThat(matrix.get(2).get(2).asDouble()).isEqualTo(0.0);
        assertThat(matrix.get(1).get(2).asDouble()).isEqualTo(0.0);
    }

    @Test
    void onlyTheDefaultModelIsLoadedAtStartUp() {
        // No test in this context asks for the Chinese model, so it must still be unloaded.
        assertThat(embedder.isLoaded("all-minilm-l6-v2")).isTrue();
        assertThat(embedder.isLoaded("bge-small-zh-v1.5")).isFalse();
    }


    @Test
    void modelsAreListedWithTheDefaultMarked() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/models")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode models = json.readTree(response.body());
        assertThat(models.size()).isEqualTo(4);
        JsonNode first = models.get(0);
        assertThat(first.get("id").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(first.get("default").asBoolean()).isTrue();
        assertThat(first.get("pooling").asString()).isEqualTo("mean");
        assertThat(first.get("maxTokens").asInt()).isEqualTo(256);
        assertThat(first.get("dimension").asInt()).isEqualTo(384);
        assertThat(first.get("languages").get(0).asString()).isEqualTo("en");
    }

    @Test
    void concurrentRequestsAllSucceedWithIdenticalResults() throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("sentences", WEATHER));
        String expected = json.readTree(post("/api/embed", body).body()).get("embeddings").toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int t = 0; t < 8 * 20; t++) calls.add(() -> post("/api/embed", body));
            List<Future<HttpResponse<String>>> results = pool.invokeAll(calls);
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(json.readTree(response.body()).get("embeddings").toString()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String detailPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detailPart);
    }

    @Test
    void badInputGetsAPreciseProblemDetail() throws Exception {
        assertProblem(post("/api/embed", "{\"sentences\": [\"a\""), 400, "not valid JSON");
        assertProblem(post("/api/embed", ""), 400, "");
        assertProblem(post("/api/embed", "{}"), 400, "'sentences' is missing");
        assertProblem(post("/api/embed", "{\"sentences\": []}"), 400, "'sentences' is empty");
        assertProblem(post("/api/embed", "{\"sentences\": [\"ok\", \"   \"]}"), 400, "sentences[1] is blank");
        assertProblem(post("/api/embed", "{\"sentences\": [\"ok\", 42]}"), 400, "sentences[1] is a number");
        assertProblem(post("/api/embed", "{\"sentences\": [null]}"), 400, "sentences[0] is null");
        assertProblem(post("/api/embed", "{\"sentences\": \"just one\"}"), 400, "");
        List<String> tooMany = java.util.Collections.nCopies(51, "x");
        assertProblem(post("/api/embed", json.writeValueAsString(java.util.Map.of("sentences", tooMany))), 400,
                "at most 50");
        String tooLong = "y".repeat(5001);
        assertProblem(post("/api/embed", json.writeValueAsString(java.util.Map.of("sentences", List.of(tooLong)))),
                400, "at most 5000");
        assertProblem(post("/api/similarity", "{\"embeddings\": [[1,2],[3]]}"), 400, "same length");
        assertProblem(post("/api/similarity", "{\"embeddings\": [[1,2],[3,\"NaN\"]]}"), 400, "embeddings[1][1]");
        assertProblem(post("/api/similarity", "{\"embeddings\": [[1,2],[3,1e999]]}"), 400, "finite");
        assertProblem(post("/api/similarity", "{\"embeddings\": [[1,2],[3,NaN]]}"), 400, "not valid JSON");
        assertProblem(post("/api/similarity", "{}"), 400, "or 'embeddings' (a list of rows)");
    }

    @Test
    void unknownModelIsA404ListingKnownModels() throws Exception {
        assertProblem(post("/api/embed", "{\"sentences\": [\"hi\"], \"model\": \"nope\"}"), 404, "all-minilm-l6-v2");
        assertProblem(post("/api/similarity", "{\"sentences\": [\"hi\"], \"model\": \"nope\"}"), 404, "Known models");
    }
}

package org.simexplorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.simexplorer.TwoInstances.get;
import static org.simexplorer.TwoInstances.send;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two packaged jars on one PostgreSQL, as behind a load balancer: label writes through both lose nothing and
 * duplicate nothing, what one instance keeps in memory never hides a change made through the other, and the API's
 * HTTP Basic works on either while a signed-in page session belongs to one instance (hence sticky sessions).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralInstancesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] TOPICS = {"the weather", "a football match", "cooking pasta", "the stock market",
        "a new phone", "gardening", "a train delay", "learning piano", "a birthday party", "the ocean"};

    private TwoInstances instances;

    @BeforeAll
    void start() throws Exception {
        instances = TwoInstances.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (instances != null) instances.close();
    }

    @Test
    void labelsWrittenConcurrentlyThroughBothAreAllThereExactlyOnce() throws Exception {
        int n = 40;
        long dataset = create(instances.a(), "labels through two", sentences("Label line", n));
        // Every pair of the dataset, each written once through each instance, in shuffled batches of four:
        // the two writes of a pair race, and a batch shares pairs with batches on the other instance.
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) pairs.add(new int[] {i, j, (i * 31 + j) % 3 == 0 ? 1 : -1});
        }
        List<Future<Integer>> writes = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int side = 0; side < 2; side++) {
                List<int[]> order = new ArrayList<>(pairs);
                Collections.shuffle(order, new Random(side));
                AppProcess app = instances.app(side);
                for (int from = 0; from < order.size(); from += 4) {
                    String body = labelsJson(order.subList(from, Math.min(order.size(), from + 4)));
                    writes.add(clients.submit(() -> send(app, "PUT", "/api/datasets/" + dataset + "/labels", body)
                            .statusCode()));
                }
            }
            for (Future<Integer> write : writes) assertThat(write.get(5, TimeUnit.MINUTES)).isEqualTo(200);
        } finally {
            clients.shutdownNow();
        }
        // A batch is one transaction: one bad change refuses it whole, through either instance.
        String bad = "[{\"i\":0,\"j\":1,\"label\":1},{\"i\":0,\"j\":" + n + ",\"label\":1}]";
        assertThat(send(instances.b(), "PUT", "/api/datasets/" + dataset + "/labels", bad).statusCode())
                .isEqualTo(400);

        Map<String, Integer> expected = new HashMap<>();
        for (int[] pair : pairs) expected.put(pair[0] + "-" + pair[1], pair[2]);
        for (int side = 0; side < 2; side++) {
            JsonNode labels = JSON.readTree(get(instances.app(side), "/api/datasets/" + dataset + "/labels").body());
            List<String> seen = new ArrayList<>();
            Map<String, Integer> stored = new HashMap<>();
            for (JsonNode label : labels) {
                String key = label.get("i").asInt() + "-" + label.get("j").asInt();
                seen.add(key);
                stored.put(key, label.get("label").asInt());
            }
            assertThat(seen).as("no pair twice").doesNotHaveDuplicates();
            assertThat(stored).as("read through instance " + side).isEqualTo(expected);
        }
    }

    @Test
    void sentencesAppendedThroughOneAreInTheOthersMatrixTilesAndNeighbours() throws Exception {
        AppProcess a = instances.a();
        AppProcess b = instances.b();
        long dataset = create(a, "append through one", sentences("First batch line", 12));
        String base = "/api/datasets/" + dataset;
        // b computes and keeps the matrix, the tile pyramid, a tile, the neighbours and the sentence count.
        assertThat(matrixSize(b, dataset, "")).isEqualTo(12);
        assertThat(json(get(b, base + "/tiles")).get("n").asInt()).isEqualTo(12);
        assertThat(get(b, base + "/tiles/0/0/0").statusCode()).isEqualTo(200);
        assertThat(json(get(b, base + "/neighbours?sentence=0&k=50")).get("neighbours").size()).isEqualTo(11);
        assertThat(send(b, "PUT", base + "/labels", "[{\"i\":0,\"j\":11,\"label\":1}]").statusCode()).isEqualTo(200);

        HttpResponse<String> appended = send(a, "POST", base + "/sentences",
                JSON.writeValueAsString(Map.of("sentences", sentences("Second batch line", 3))));
        assertThat(appended.statusCode()).as(appended.body()).isEqualTo(200);

        assertThat(matrixSize(b, dataset, "")).isEqualTo(15);
        assertThat(json(get(b, base + "/tiles")).get("n").asInt()).isEqualTo(15);
        assertThat(json(get(b, base + "/neighbours?sentence=0&k=50")).get("neighbours").size()).isEqualTo(14);
        assertThat(json(get(b, base + "/neighbours?sentence=14&k=1")).get("neighbours").size()).isEqualTo(1);
        HttpResponse<String> labelled = send(b, "PUT", base + "/labels", "[{\"i\":0,\"j\":14,\"label\":-1}]");
        assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(200);
        // Deleted through a: b answers 404 for it, and for a label write to it.
        assertThat(send(a, "DELETE", base, null).statusCode()).isEqualTo(204);
        assertThat(get(b, base + "/neighbours?sentence=0&k=5").statusCode()).isEqualTo(404);
        assertThat(get(b, base + "/tiles/0/0/0").statusCode()).isEqualTo(404);
        assertThat(send(b, "PUT", base + "/labels", "[{\"i\":0,\"j\":1,\"label\":1}]").statusCode()).isEqualTo(404);
    }

    @Test
    void anAdapterDeletedAndMadeAgainThroughOneIsNeverServedStaleByTheOther() throws Exception {
        AppProcess a = instances.a();
        AppProcess b = instances.b();
        long dataset = labelledDataset(a, 30);
        JsonNode first = train(a, dataset, 0.001, 10);
        String model = first.get("model").asString();
        float[][] firstMatrix = matrix(b, dataset, model);
        assertThat(json(get(b, "/api/datasets/" + dataset + "/neighbours?sentence=0&k=3&model=" + model))
                .get("model").asString()).isEqualTo(model);

        assertThat(send(a, "DELETE", "/api/adapters/" + first.get("id").asLong(), null).statusCode()).isEqualTo(204);
        assertThat(get(b, "/api/adapters/" + first.get("id").asLong()).statusCode()).isEqualTo(404);
        assertThat(get(b, "/api/datasets/" + dataset + "/similarity?model=" + model).statusCode()).isEqualTo(404);

        // The same name again, trained harder: b serves the new adapter's matrix, as a does, not the one it kept.
        JsonNode second = train(a, dataset, 0.05, 100);
        assertThat(second.get("model").asString()).isEqualTo(model);
        assertThat(second.get("bestStep").asInt()).as("the second adapter learned something").isPositive();
        float[][] fresh = matrix(a, dataset, model);
        assertThat(maxDifference(fresh, firstMatrix)).as("the second adapter differs").isGreaterThan(1e-3);
        assertThat(maxDifference(matrix(b, dataset, model), fresh)).as("b against a").isLessThan(1e-5);
        assertThat(json(get(b, "/api/datasets/" + dataset + "/tiles?model=" + model)).get("model").asString())
                .isEqualTo(model);
    }

    @Test
    void aSignedInSessionIsKnownOnlyToTheInstanceThatTookTheSignIn() throws Exception {
        AppProcess a = instances.a();
        AppProcess b = instances.b();
        HttpResponse<String> form = a.http().send(HttpRequest.newBuilder(a.uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        String formCookie = cookie(form);
        String fields = "username=" + TwoInstances.USER + "&password=" + TwoInstances.PASSWORD + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = a.http().send(HttpRequest.newBuilder(a.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", formCookie)
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = cookie(signedIn);

        assertThat(page(a, session).statusCode()).as("the instance that took the sign-in").isEqualTo(200);
        HttpResponse<String> elsewhere = page(b, session);
        assertThat(elsewhere.statusCode()).as("the other instance").isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private static HttpResponse<String> page(AppProcess app, String cookie) throws Exception {
        return app.http().send(HttpRequest.newBuilder(app.uri("/")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private JsonNode train(AppProcess app, long dataset, double learningRate, int steps) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", "shared", "loss", "cosent", "steps", steps,
                "learningRate", learningRate, "validationFraction", 0.3, "seed", 3));
        HttpResponse<String> started = send(app, "POST", "/api/datasets/" + dataset + "/adapters", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json(started).get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonNode adapter = json(started);
        while (!adapter.get("status").asString().equals("done")) {
            assertThat(adapter.get("status").asString()).isIn("queued", "running");
            assertThat(System.nanoTime()).as("training done in time").isLessThan(deadline);
            Thread.sleep(200);
            adapter = json(get(app, "/api/adapters/" + id));
        }
        return adapter;
    }

    private static List<String> sentences(String prefix, int count) {
        List<String> sentences = new ArrayList<>();
        for (int k = 0; k < count; k++) sentences.add(prefix + " " + k + " about " + TOPICS[k % TOPICS.length] + ".");
        return sentences;
    }

    private static long create(AppProcess app, String name, List<String> sentences) throws Exception {
        HttpResponse<String> created = send(app, "POST", "/api/datasets",
                JSON.writeValueAsString(Map.of("name", name, "sentences", sentences)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    /**
     * Disjoint pairs (2k, 2k + 1) labelled against the base model: a pair on one topic dissimilar, a pair across
     * topics similar, so that training moves W away from the identity (the best W by validation ROC-AUC).
     */
    private static long labelledDataset(AppProcess app, int pairs) throws Exception {
        List<String> sentences = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            String topic = TOPICS[k % TOPICS.length];
            boolean same = k % 2 == 0;
            sentences.add("Note " + k + ": I keep thinking about " + topic + ".");
            sentences.add("Entry " + k + " is mostly about " + (same ? topic : TOPICS[(k + 3) % TOPICS.length]) + ".");
            labels.add(new int[] {2 * k, 2 * k + 1, same ? -1 : 1});
        }
        long dataset = create(app, "adapter through one", sentences);
        assertThat(send(app, "PUT", "/api/datasets/" + dataset + "/labels", labelsJson(labels)).statusCode())
                .isEqualTo(200);
        return dataset;
    }

    private static String labelsJson(List<int[]> labels) {
        StringBuilder json = new StringBuilder("[");
        for (int[] label : labels) {
            if (json.length() > 1) json.append(',');
            json.append("{\"i\":").append(label[0]).append(",\"j\":").append(label[1]).append(",\"label\":")
                    .append(label[2]).append('}');
        }
        return json.append(']').toString();
    }

    private static int matrixSize(AppProcess app, long dataset, String model) throws Exception {
        return matrix(app, dataset, model).length;
    }

    private static float[][] matrix(AppProcess app, long dataset, String model) throws Exception {
        HttpResponse<String> response = get(app, "/api/datasets/" + dataset + "/similarity"
                + (model.isEmpty() ? "" : "?model=" + model));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = json(response).get("matrix");
        float[][] matrix = new float[rows.size()][];
        for (int r = 0; r < matrix.length; r++) {
            matrix[r] = new float[rows.get(r).size()];
            for (int c = 0; c < matrix[r].length; c++) matrix[r][c] = rows.get(r).get(c).floatValue();
        }
        return matrix;
    }

    private static double maxDifference(float[][] x, float[][] y) {
        assertThat(x.length).isEqualTo(y.length);
        double max = 0;
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[r].length; c++) max = Math.max(max, Math.abs(x[r][c] - y[r][c]));
        }
        return max;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

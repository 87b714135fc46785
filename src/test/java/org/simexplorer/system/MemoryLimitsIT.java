package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole explorer at the 5,000-sentence limit on the packaged jar under -Xmx1g: three dataset pages load at
 * once (dataset, int16 matrix, labels, every loss, metrics, then the cluster order) and nothing answers 5xx.
 * Then a burst of embedding requests past the embedding limit gets only 200s and 503s with Retry-After, never a
 * 500, and the app answers normally after it. Prints memory.* key=value lines (VmRSS after the load).
 */
class MemoryLimitsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SENTENCES = 5000;
    private static final int PAGES = 3;

    @TempDir
    Path dataDir;

    @Test
    void fiveThousandSentencesThreePagesUnderOneGigabyteHeap() throws Exception {
        // The queue wait is longer than the default here: this machine is shared by several builds, and the
        // test is about memory and status codes, not speed (bench/http measures the defaults).
        try (AppProcess app = AppProcess.start(dataDir, List.of("-Xmx1g"),
                "--simexplorer.concurrency.matrix.queue-wait=120s",
                "--simexplorer.concurrency.embedding.queue-wait=2s")) {
            List<Long> datasets = new ArrayList<>();
            List<String> sentences = sentences(SENTENCES);
            for (int page = 0; page < PAGES; page++) {
                // The same texts: the model runs once, the next two come from the embedding cache.
                HttpResponse<String> created = send(app, "POST", "/api/datasets", JSON.writeValueAsString(
                        Map.of("name", "large " + page, "sentences", sentences)), Duration.ofMinutes(20));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                long id = JSON.readTree(created.body()).get("id").asLong();
                datasets.add(id);
                assertThat(send(app, "PUT", "/api/datasets/" + id + "/labels", labels(page), Duration.ofMinutes(1))
                        .statusCode()).isEqualTo(200);
            }

            Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService browsers = Executors.newFixedThreadPool(PAGES * 10);
            try {
                List<Future<?>> pages = new ArrayList<>();
                for (long id : datasets) {
                    pages.add(browsers.submit(() -> {
                        loadPage(app, id, browsers, statuses, failures);
                        return null;
                    }));
                }
                for (Future<?> page : pages) page.get(30, TimeUnit.MINUTES);
            } finally {
                browsers.shutdownNow();
            }
            long rssAfterPages = app.residentMegabytes();
            System.out.println("memory.sentences=" + SENTENCES);
            System.out.println("memory.pages=" + PAGES);
            System.out.println("memory.heap=-Xmx1g");
            System.out.println("memory.statuses=" + statuses);
            System.out.println("memory.vmrss_mb=" + rssAfterPages);
            assertThat(failures).as("5xx or unexpected answers while three pages load").isEmpty();

            burstOfEmbeddingRequests(app);
            System.out.println("memory.vmrss_after_burst_mb=" + app.residentMegabytes());
            app.stop();
        }
    }

    /** What the dataset page asks for when it opens (explorer.js init and refreshAnalysis), then cluster order. */
    private static void loadPage(AppProcess app, long id, ExecutorService pool, Map<String, AtomicInteger> statuses,
            ConcurrentLinkedQueue<String> failures) throws Exception {
        String api = "/api/datasets/" + id;
        List<Future<HttpResponse<String>>> first = new ArrayList<>();
        for (String path : List.of(api, api + "/similarity?order=input&format=int16", api + "/labels",
                "/api/losses")) {
            first.add(pool.submit(() -> get(app, path)));
        }
        List<String> losses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : first) {
            HttpResponse<String> answer = response.get(20, TimeUnit.MINUTES);
            record(answer, statuses, failures, 200);
            if (answer.uri().getPath().equals("/api/losses")) {
                for (JsonNode loss : JSON.readTree(answer.body())) losses.add(loss.get("id").asString());
            }
        }
        List<Future<HttpResponse<String>>> analysis = new ArrayList<>();
        for (String loss : losses) analysis.add(pool.submit(() -> get(app, api + "/loss?loss=" + loss)));
        analysis.add(pool.submit(() -> get(app, api + "/metrics")));
        for (Future<HttpResponse<String>> response : analysis) {
            // 422 is a loss undefined on these labels: a correct answer, not a failure.
            record(response.get(20, TimeUnit.MINUTES), statuses, failures, 200, 422);
        }
        record(get(app, api + "/similarity?order=cluster&format=int16"), statuses, failures, 200);
    }

    private static void record(HttpResponse<String> response, Map<String, AtomicInteger> statuses,
            ConcurrentLinkedQueue<String> failures, int... expected) {
        statuses.computeIfAbsent(Integer.toString(response.statusCode()), k -> new AtomicInteger()).incrementAndGet();
        for (int status : expected) if (response.statusCode() == status) return;
        String body = response.body() == null ? "" : response.body();
        failures.add(response.uri().getPath() + "?" + response.uri().getQuery() + " -> " + response.statusCode() + " "
                + body.substring(0, Math.min(300, body.length())));
    }

    private static void burstOfEmbeddingRequests(AppProcess app) throws Exception {
        String body = JSON.writeValueAsString(Map.of("sentences", sentences(400)));
        ExecutorService clients = Executors.newFixedThreadPool(20);
        Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> missingRetryAfter = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> burst = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                burst.add(clients.submit(() -> {
                    HttpResponse<String> response = send(app, "POST", "/api/embed", body, Duration.ofMinutes(10));
                    codes.computeIfAbsent(response.statusCode(), c -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() == 503) {
                        if (response.headers().firstValue("Retry-After").isEmpty()
                                || !response.body().contains("\"status\":503")) {
                            missingRetryAfter.add(response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> request : burst) request.get(15, TimeUnit.MINUTES);
        } finally {
            clients.shutdownNow();
        }
        System.out.println("memory.burst_statuses=" + codes);
        assertThat(codes.keySet()).as("a burst past the embedding limit").containsAnyOf(200).contains(503)
                .isSubsetOf(200, 503);
        assertThat(missingRetryAfter).as("503s are problem details with Retry-After").isEmpty();
        HttpResponse<String> after = send(app, "POST", "/api/embed", "{\"sentences\":[\"Still here?\"]}",
                Duration.ofMinutes(1));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    }

    private static String labels(int page) {
        StringBuilder body = new StringBuilder("[");
        for (int k = 0; k < 300; k++) {
            int i = (k * 37 + page) % SENTENCES;
            int j = (k * 101 + 17 * page + 1) % SENTENCES;
            if (i == j) j = (j + 1) % SENTENCES;
            body.append(k == 0 ? "" : ",").append("{\"i\":").append(i).append(",\"j\":").append(j)
                    .append(",\"label\":").append(k % 3 == 0 ? 1 : -1).append('}');
        }
        return body.append(']').toString();
    }

    static List<String> sentences(int count) {
        String[] subjects = {"The old fisherman", "A young teacher", "My neighbour", "The chef", "A tired student",
            "The pilot", "The doctor", "A street musician", "The gardener", "The engineer"};
        String[] verbs = {"repaired", "painted", "sold", "found", "cleaned", "described", "carried", "ordered"};
        String[] objects = {"a wooden boat", "the kitchen table", "an old bicycle", "a red umbrella",
            "the broken clock", "a basket of apples", "the garden fence", "a pile of letters"};
        List<String> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(subjects[k % subjects.length] + " " + verbs[(k / 10) % verbs.length] + " "
                    + objects[(k / 80) % objects.length] + " on day " + k + ".");
        }
        return out;
    }

    private static HttpResponse<String> get(AppProcess app, String path) throws Exception {
        return send(app, "GET", path, null, Duration.ofMinutes(20));
    }

    private static HttpResponse<String> send(AppProcess app, String method, String path, String json,
            Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(timeout);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return app.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.simexplorer.training;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP helpers the adapter tests share: a dataset with labelled pairs, starting and waiting for trainings. */
final class AdapterApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] TOPICS = {"the weather", "a football match", "cooking pasta", "the stock market",
        "a new phone", "gardening", "a train delay", "learning piano", "a birthday party", "the ocean"};

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    AdapterApiClient(String base) {
        this.base = base;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body);
    }

    HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpClient http() {
        return http;
    }

    /**
     * A dataset of 2·pairs sentences labelled as disjoint pairs (2k, 2k+1): a pair on one topic is similar, a
     * pair across topics dissimilar, with every fourth label flipped so there is something to learn.
     */
    long labelledDataset(String name, int pairs) throws Exception {
        List<String> sentences = new ArrayList<>();
        List<Map<String, Integer>> labels = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            String topic = TOPICS[k % TOPICS.length];
            boolean same = k % 2 == 0;
            String other = same ? topic : TOPICS[(k + 3) % TOPICS.length];
            sentences.add("Note " + k + ": I keep thinking about " + topic + ".");
            sentences.add("Entry " + k + " is mostly about " + other + ", honestly.");
            int label = same ? 1 : -1;
            if (k % 4 == 3) label = -label;
            labels.add(Map.of("i", 2 * k, "j", 2 * k + 1, "label", label));
        }
        HttpResponse<String> created = post("/api/datasets", Map.of("name", name, "sentences", sentences));
        if (created.statusCode() != 201) throw new AssertionError(created.body());
        long id = JSON.readTree(created.body()).get("id").asLong();
        HttpResponse<String> labelled = send("PUT", "/api/datasets/" + id + "/labels", labels);
        if (labelled.statusCode() != 200) throw new AssertionError(labelled.body());
        return id;
    }

    JsonNode waitFor(long adapterId, String status, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode adapter;
        do {
            adapter = JSON.readTree(get("/api/adapters/" + adapterId).body());
            if (adapter.get("status").asString().equals(status)) return adapter;
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        throw new AssertionError("adapter " + adapterId + " is " + adapter.get("status") + ", not " + status);
    }
}

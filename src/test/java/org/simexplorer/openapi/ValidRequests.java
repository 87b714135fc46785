package org.simexplorer.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One or more valid requests for each /api operation, against a small labelled dataset with one trained adapter.
 * Requests that use something up (a delete, a training) make their own thing to use up first.
 */
final class ValidRequests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> SENTENCES = List.of("The cat sleeps on the sofa.", "A kitten naps on the couch.",
            "My cat is asleep on the settee.", "Stocks fell sharply this morning.", "The market dropped at the open.",
            "Share prices slid before noon.", "It will rain tomorrow.", "Tomorrow brings showers.");
    private static final String PAIRS_CSV = "sentence1,sentence2,label\nThe cat sleeps on the sofa.,"
            + "Stocks fell sharply this morning.,0\n";

    /** A request as sent, with the Content-Type of its body (null without one). */
    record Sent(HttpRequest request, String contentType) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    final long dataset;
    final long adapter;
    private final String adapterModel;

    ValidRequests(int port) throws Exception {
        base = "http://127.0.0.1:" + port;
        dataset = newDataset("walk");
        List<Map<String, Integer>> labels = new ArrayList<>();
        for (int i = 0; i < SENTENCES.size(); i++) {
            for (int j = i + 1; j < SENTENCES.size(); j++) {
                labels.add(Map.of("i", i, "j", j, "label", i / 3 == j / 3 ? 1 : -1));
            }
        }
        expect(200, send(json("PUT", "/api/datasets/" + dataset + "/labels", labels)));
        JsonNode trained = JSON.readTree(expect(202, send(json("POST", "/api/datasets/" + dataset + "/adapters",
                Map.of("name", "walk", "loss", "cosent", "steps", 10)))));
        adapter = trained.get("id").asLong();
        adapterModel = trained.get("model").asString();
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!JSON.readTree(expect(200, send(get("/api/adapters/" + adapter)))).get("status").asString()
                .equals("done")) {
            if (System.nanoTime() > end) throw new AssertionError("the adapter did not finish training");
            Thread.sleep(200);
        }
    }

    /** The valid requests for "METHOD path" as the document names the operation; none when it has no fixture. */
    List<Supplier<Sent>> of(String operation) {
        String d = "/api/datasets/" + dataset;
        String a = "/api/adapters/" + adapter;
        return switch (operation) {
            case "GET /api/models", "GET /api/losses", "GET /api/datasets", "GET /api/datasets/jobs" ->
                    gets(operation.substring(4));
            case "POST /api/embed" -> List.of(() -> json("POST", "/api/embed", Map.of("sentences", SENTENCES)));
            case "POST /api/similarity" -> List.of(() -> json("POST", "/api/similarity",
                    Map.of("embeddings", List.of(List.of(1, 0), List.of(0.6, 0.8)))));
            case "POST /api/loss" -> List.of(() -> json("POST", "/api/loss", Map.of("loss", "cosent",
                    "embeddings", List.of(List.of(1, 0), List.of(0.6, 0.8), List.of(0, 1)),
                    "pairs", List.of(Map.of("i", 0, "j", 1, "label", 1), Map.of("i", 0, "j", 2, "label", -1)))));
            case "POST /api/datasets" -> List.of(
                    () -> json("POST", "/api/datasets", Map.of("name", "walk-json", "sentences", SENTENCES)),
                    () -> multipart("/api/datasets?name=walk-file", "pairs.csv", PAIRS_CSV));
            case "POST /api/datasets/jobs" -> List.of(
                    () -> json("POST", "/api/datasets/jobs", Map.of("name", "walk-job", "sentences", SENTENCES)),
                    () -> multipart("/api/datasets/jobs?name=walk-job-file", "pairs.csv", PAIRS_CSV));
            case "GET /api/datasets/jobs/{jobId}" -> List.of(() -> get(jobUrl()));
            case "GET /api/datasets/jobs/{jobId}/events" -> List.of(() -> get(jobUrl() + "/events"));
            case "GET /api/datasets/{id}", "GET /api/datasets/{id}/labels", "GET /api/datasets/{id}/metrics",
                 "GET /api/datasets/{id}/losses", "GET /api/datasets/{id}/projection",
                 "GET /api/datasets/{id}/labels/conflicts", "GET /api/datasets/{id}/export",
                 "GET /api/datasets/{id}/adapters" -> gets(d + operation.substring("GET /api/datasets/{id}".length()));
            case "GET /api/datasets/{id}/similarity" -> List.of(() -> accept(d + "/similarity", "application/json"),
                    () -> accept(d + "/similarity?order=cluster", "application/octet-stream"),
                    () -> get(d + "/similarity?format=int16"));
            case "GET /api/datasets/{id}/tiles" -> gets(d + "/tiles", d + "/tiles?order=cluster");
            case "GET /api/datasets/{id}/tiles/{level}/{row}/{col}" -> List.of(
                    () -> accept(d + "/tiles/0/0/0?stat=max", "application/octet-stream"),
                    () -> get(d + "/tiles/0/0/0?order=cluster&model=" + adapterModel));
            case "GET /api/datasets/{id}/loss" -> gets(d + "/loss?loss=cosent&gradient=true");
            case "DELETE /api/datasets/jobs/{jobId}" -> List.of(() -> new Sent(HttpRequest.newBuilder(uri(jobUrl()))
                    .DELETE().build(), null));
            case "GET /api/datasets/{id}/neighbours" -> gets(d + "/neighbours?sentence=0&k=3",
                    d + "/neighbours?text=" + java.net.URLEncoder.encode("a sleepy cat", StandardCharsets.UTF_8));
            case "GET /api/datasets/{id}/queue" -> gets(d + "/queue", d + "/queue?strategy=random&limit=5&seed=3",
                    d + "/queue?model=" + adapterModel);
            case "GET /api/datasets/{id}/clusters" -> gets(d + "/clusters?k=2");
            case "GET /api/datasets/{id}/map-sample" -> List.of(
                    () -> accept(d + "/map-sample?sample=4&k=2&place=2", "application/octet-stream"),
                    () -> accept(d + "/map-sample?model=" + adapterModel, "application/octet-stream"));
            case "GET /api/datasets/{id}/comparison" -> gets(d + "/comparison?models=all-minilm-l6-v2,"
                    + adapterModel);
            case "GET /api/datasets/{id}/labels/export" -> gets(d + "/labels/export?format=csv",
                    d + "/labels/export?format=jsonl&column=score");
            case "GET /api/datasets/{id}/export/training" -> gets(d + "/export/training?loss=cosent&seed=1");
            case "PUT /api/datasets/{id}/labels" -> List.of(() -> json("PUT", d + "/labels",
                    List.of(Map.of("i", 0, "j", 7, "label", -1))));
            case "POST /api/datasets/{id}/sentences" -> List.of(
                    () -> json("POST", d + "/sentences", Map.of("sentences", List.of("A dog barks."))),
                    () -> multipart(d + "/sentences", "more.txt", "A bird sings.\n"));
            case "POST /api/datasets/{id}/labels/import" -> List.of(() -> multipart(d + "/labels/import", "pairs.csv",
                    PAIRS_CSV), () -> body("POST", d + "/labels/import", "text/csv", PAIRS_CSV),
                    () -> body("POST", d + "/labels/import", "application/jsonl", "{\"sentence1\": \"It will rain"
                            + " tomorrow.\", \"sentence2\": \"Tomorrow brings showers.\", \"label\": 1}\n"));
            case "POST /api/datasets/import" -> List.of(() -> body("POST", "/api/datasets/import", "application/json",
                    expect(200, send(get(d + "/export")))));
            case "POST /api/datasets/{id}/adapters" -> List.of(() -> json("POST", d + "/adapters",
                    Map.of("name", "walk-" + System.nanoTime() % 100000, "loss", "cosent", "steps", 1, "seed", 3,
                            "rank", 4)));
            case "DELETE /api/datasets/{id}" -> List.of(() -> new Sent(HttpRequest.newBuilder(uri("/api/datasets/"
                    + newDataset("walk-delete"))).DELETE().build(), null));
            case "GET /api/adapters/{id}", "GET /api/adapters/{id}/export", "GET /api/adapters/{id}/events" ->
                    gets(a + operation.substring("GET /api/adapters/{id}".length()));
            case "DELETE /api/adapters/{id}" -> List.of(() -> new Sent(HttpRequest.newBuilder(uri("/api/adapters/"
                    + queuedAdapter())).DELETE().build(), null));
            default -> List.of();
        };
    }

    HttpResponse<byte[]> send(Sent sent) {
        try {
            return http.send(sent.request(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(sent.request().method() + " " + sent.request().uri() + ": " + e, e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private long newDataset(String name) {
        return JSON.readTree(expect(201, send(json("POST", "/api/datasets", Map.of("name", name,
                "sentences", SENTENCES))))).get("id").asLong();
    }

    private String jobUrl() {
        return JSON.readTree(expect(202, send(json("POST", "/api/datasets/jobs", Map.of("name", "walk-status",
                "sentences", SENTENCES))))).get("statusUrl").asString();
    }

    private long queuedAdapter() {
        return JSON.readTree(expect(202, send(json("POST", "/api/datasets/" + dataset + "/adapters",
                Map.of("name", "walk-cancel-" + System.nanoTime() % 100000, "loss", "cosent"))))).get("id").asLong();
    }

    private List<Supplier<Sent>> gets(String... paths) {
        List<Supplier<Sent>> requests = new ArrayList<>();
        for (String path : paths) requests.add(() -> get(path));
        return requests;
    }

    private Sent get(String path) {
        return new Sent(HttpRequest.newBuilder(uri(path)).GET().build(), null);
    }

    private Sent accept(String path, String mediaType) {
        return new Sent(HttpRequest.newBuilder(uri(path)).header("Accept", mediaType).GET().build(), null);
    }

    private Sent json(String method, String path, Object body) {
        return body(method, path, "application/json", JSON.writeValueAsString(body));
    }

    private Sent body(String method, String path, String contentType, byte[] body) {
        return new Sent(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), contentType);
    }

    private Sent body(String method, String path, String contentType, String body) {
        return body(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private Sent multipart(String path, String fileName, String content) {
        String boundary = "walk" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return new Sent(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "multipart/form-data");
    }

    private static byte[] expect(int status, HttpResponse<byte[]> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " from " + response.request().uri() + ", got "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}

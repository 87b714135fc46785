package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input across every API endpoint, one row per case: each is answered with the expected 4xx as an RFC 9457
 * problem detail (never a 500), and leaves the database exactly as it was. The real model and H2 serve it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:bad-input;DB_CLOSE_DELAY=-1",
        "simexplorer.limits.max-json-body=256KB",
        "simexplorer.limits.max-json-matrix=3",
        "simexplorer.limits.max-label-changes=10",
        "simexplorer.datasets.max-upload-size=64KB",
        "simexplorer.datasets.max-sentences=5000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Placeholders in the table's paths: the labelled dataset, one without labels, and one that does not exist. */
    static final String ID = "{id}";
    static final String UNLABELLED = "{unlabelled}";
    static final String MISSING = "987654";
    /** An adapter whose training failed: its name is taken, and it has no weights to export. */
    static final String ADAPTER = "{adapter}";
    static final String TAKEN = "taken";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private long id;
    private long unlabelled;
    private long adapter;

    /** One bad request; {@code field}, when set, is the input the problem must name in its "field" member. */
    record Case(String name, String method, String path, String contentType, byte[] body, int status, String field) {
        Case(String name, String method, String path, String contentType, byte[] body, int status) {
            this(name, method, path, contentType, body, status, null);
        }

        Case naming(String input) {
            return new Case(name, method, path, contentType, body, status, input);
        }

        @Override
        public String toString() {
            return name + " → " + status;
        }
    }

    @BeforeAll
    void datasets() throws Exception {
        id = create("{\"name\":\"catalogue\",\"sentences\":[\"A cat sleeps.\",\"A kitten naps.\",\"Stocks fell.\","
                + "\"Bonds slid.\",\"It rains.\"]}");
        HttpResponse<String> labelled = send(new Case("labels", "PUT", "/api/datasets/" + id + "/labels",
                "application/json", bytes("[{\"i\":0,\"j\":1,\"label\":1},{\"i\":0,\"j\":2,\"label\":-1}]"), 200));
        assertThat(labelled.statusCode()).isEqualTo(200);
        unlabelled = create("{\"name\":\"no labels\",\"sentences\":[\"One.\",\"Two.\"]}");
        adapter = TrainingBadInput.failedAdapter(jdbc, id, TAKEN);
    }

    private long create(String json) throws Exception {
        HttpResponse<String> created = send(new Case("create", "POST", "/api/datasets", "application/json",
                bytes(json), 201));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void theCatalogueHasAtLeastOneHundredCasesOverEveryEndpoint() {
        List<Case> all = cases().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(100);
        List<String> endpoints = all.stream().map(c -> c.method() + " " + c.path().replaceAll("\\?.*", "")
                .replace(ID, "{id}").replace(UNLABELLED, "{id}").replace(MISSING, "{id}").replace(ADAPTER, "{id}"))
                .distinct().toList();
        assertThat(endpoints).contains("POST /api/embed", "POST /api/similarity", "POST /api/loss",
                "POST /api/datasets", "GET /api/datasets/{id}", "DELETE /api/datasets/{id}",
                "POST /api/datasets/{id}/sentences", "GET /api/datasets/{id}/similarity",
                "GET /api/datasets/{id}/labels", "PUT /api/datasets/{id}/labels",
                "GET /api/datasets/{id}/labels/export", "POST /api/datasets/{id}/labels/import",
                "GET /api/datasets/{id}/loss", "GET /api/datasets/{id}/metrics", "POST /api/datasets/{id}/adapters",
                "GET /api/adapters/{id}", "GET /api/adapters/{id}/export", "DELETE /api/adapters/{id}");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void badInputIsAProblemDetailAndSavesNothing(Case bad) throws Exception {
        String before = snapshot();
        HttpResponse<String> response = send(bad);
        assertThat(response.statusCode()).as("%s: %s", bad.name(), response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).as(bad.name())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.has("title")).isTrue();
        if (bad.field() != null) assertThat(problem.path("field").asString("")).as(bad.name()).isEqualTo(bad.field());
        assertThat(snapshot()).as("%s changed the database", bad.name()).isEqualTo(before);
    }

    /** Every row of every table a request could write, as one string. */
    private String snapshot() {
        return String.join("|",
                jdbc.sql("SELECT id || ':' || name || ':' || model FROM datasets ORDER BY id").query(String.class).list()
                        .toString(),
                jdbc.sql("SELECT dataset_id || ':' || position || ':' || sha256 FROM sentences ORDER BY dataset_id,"
                        + " position").query(String.class).list().toString(),
                jdbc.sql("SELECT dataset_id || ':' || i || ':' || j || ':' || label || ':' || updated_at FROM labels"
                        + " ORDER BY dataset_id, i, j").query(String.class).list().toString(),
                jdbc.sql("SELECT COUNT(*) FROM embedding_cache").query(String.class).single(),
                jdbc.sql("SELECT id || ':' || base_model || ':' || name || ':' || status || ':' || updated_at"
                        + " FROM adapters ORDER BY id").query(String.class).list().toString());
    }

    private HttpResponse<String> send(Case c) throws Exception {
        String path = c.path().replace(ID, Long.toString(id)).replace(UNLABELLED, Long.toString(unlabelled))
                .replace(ADAPTER, Long.toString(adapter));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) request.header("Content-Type", c.contentType());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        embed(cases);
        similarity(cases);
        loss(cases);
        createDataset(cases);
        datasetResources(cases);
        labels(cases);
        labelImport(cases);
        datasetAnalysis(cases);
        TrainingBadInput.cases(cases);
        return cases.stream();
    }

    private static void embed(List<Case> c) {
        String p = "/api/embed";
        c.add(json("embed: empty body", "POST", p, "", 400));
        c.add(json("embed: not JSON", "POST", p, "hello", 400));
        c.add(json("embed: truncated JSON", "POST", p, "{\"sentences\":[\"a\"", 400));
        c.add(json("embed: array instead of object", "POST", p, "[\"a\"]", 400));
        c.add(json("embed: no sentences", "POST", p, "{}", 400));
        c.add(json("embed: sentences null", "POST", p, "{\"sentences\":null}", 400));
        c.add(json("embed: sentences empty", "POST", p, "{\"sentences\":[]}", 400));
        c.add(json("embed: sentences a string", "POST", p, "{\"sentences\":\"a\"}", 400));
        c.add(json("embed: a number", "POST", p, "{\"sentences\":[1]}", 400));
        c.add(json("embed: a null", "POST", p, "{\"sentences\":[null]}", 400));
        c.add(json("embed: an object", "POST", p, "{\"sentences\":[{\"text\":\"a\"}]}", 400));
        c.add(json("embed: a blank sentence", "POST", p, "{\"sentences\":[\"  \"]}", 400));
        c.add(json("embed: a sentence over 10,000 characters", "POST", p,
                "{\"sentences\":[\"" + "a".repeat(10_001) + "\"]}", 400));
        c.add(json("embed: 2,001 sentences", "POST", p, "{\"sentences\":[" + "\"s\",".repeat(2000) + "\"s\"]}", 400));
        c.add(json("embed: unknown model", "POST", p, "{\"sentences\":[\"a\"],\"model\":\"no-such-model\"}", 404));
        c.add(json("embed: body over the JSON cap", "POST", p,
                "{\"sentences\":[\"" + "b".repeat(300 * 1024) + "\"]}", 413));
        c.add(json("embed: nested 5,000 deep", "POST", p, "[".repeat(5000) + "]".repeat(5000), 400));
        c.add(raw("embed: text/plain", "POST", p, "text/plain", "{\"sentences\":[\"a\"]}", 415));
        c.add(raw("embed: GET", "GET", p, null, null, 405));
        c.add(json("embed: invalid UTF-8", "POST", p, new byte[] {'{', '"', 's', '"', ':', '[', '"', (byte) 0xC3,
            (byte) 0x28, '"', ']', '}'}, 400));
    }

    private static void similarity(List<Case> c) {
        String p = "/api/similarity";
        c.add(json("similarity: both inputs", "POST", p, "{\"sentences\":[\"a\"],\"embeddings\":[[1]]}", 400));
        c.add(json("similarity: no input", "POST", p, "{}", 400));
        c.add(json("similarity: embeddings empty", "POST", p, "{\"embeddings\":[]}", 400));
        c.add(json("similarity: ragged rows", "POST", p, "{\"embeddings\":[[1,2],[1]]}", 400));
        c.add(json("similarity: a string cell", "POST", p, "{\"embeddings\":[[\"a\"]]}", 400));
        c.add(json("similarity: an empty row", "POST", p, "{\"embeddings\":[[]]}", 400));
        c.add(json("similarity: rows not lists", "POST", p, "{\"embeddings\":[1,2]}", 400));
        c.add(json("similarity: a value beyond float", "POST", p, "{\"embeddings\":[[1e400]]}", 400));
        c.add(json("similarity: 2,001 rows", "POST", p, "{\"embeddings\":[" + "[1],".repeat(2000) + "[1]]}", 400));
        c.add(json("similarity: unknown model", "POST", p, "{\"sentences\":[\"a\"],\"model\":\"nope\"}", 404));
        c.add(json("similarity: malformed", "POST", p, "{\"embeddings\":[[1,]]}", 400));
        c.add(json("similarity: null cell", "POST", p, "{\"embeddings\":[[null]]}", 400));
    }

    private static void loss(List<Case> c) {
        String p = "/api/loss";
        String e = "\"embeddings\":[[1,0],[0,1],[1,1]]";
        c.add(json("loss: unknown loss", "POST", p, "{\"loss\":\"nope\"," + e + ",\"pairs\":[{\"i\":0,\"j\":1,"
                + "\"label\":1}]}", 404));
        c.add(json("loss: no loss id", "POST", p, "{" + e + ",\"pairs\":[{\"i\":0,\"j\":1,\"label\":1}]}", 400));
        c.add(json("loss: both inputs", "POST", p, "{\"loss\":\"cosent\",\"sentences\":[\"a\"]," + e
                + ",\"pairs\":[]}", 400));
        c.add(json("loss: no input", "POST", p, "{\"loss\":\"cosent\",\"pairs\":[{\"i\":0,\"j\":1,\"label\":1}]}",
                400));
        c.add(json("loss: no labels", "POST", p, "{\"loss\":\"cosent\"," + e + "}", 400));
        c.add(json("loss: target and pairs", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"target\":[[0,1,0],[1,0,0],[0,0,0]],\"pairs\":[]}", 400));
        c.add(json("loss: target of the wrong size", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"target\":[[0,1],[1,0]]}", 400));
        c.add(json("loss: target value 2", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"target\":[[0,2,0],[2,0,0],[0,0,0]]}", 400));
        c.add(json("loss: pair index out of range", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"pairs\":[{\"i\":0,\"j\":9,\"label\":1}]}", 400));
        c.add(json("loss: pair i = j", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"pairs\":[{\"i\":1,\"j\":1,\"label\":1}]}", 400));
        c.add(json("loss: pair label 5", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"pairs\":[{\"i\":0,\"j\":1,\"label\":5}]}", 400));
        c.add(json("loss: parameter not a number", "POST", p, "{\"loss\":\"contrastive\"," + e
                + ",\"pairs\":[{\"i\":0,\"j\":1,\"label\":1}],\"params\":{\"margin\":\"wide\"}}", 400));
        c.add(json("loss: unknown parameter", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"pairs\":[{\"i\":0,\"j\":1,\"label\":1}],\"params\":{\"nope\":1}}", 400));
        c.add(json("loss: model with embeddings", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"model\":\"all-minilm-l6-v2\",\"pairs\":[{\"i\":0,\"j\":1,\"label\":1}]}", 400));
        c.add(json("loss: all labels zero", "POST", p, "{\"loss\":\"cosent\"," + e
                + ",\"target\":[[0,0,0],[0,0,0],[0,0,0]]}", 422));
        c.add(json("loss: malformed", "POST", p, "{\"loss\":", 400));
        c.add(raw("loss: GET", "GET", p, null, null, 405));
    }

    private static void createDataset(List<Case> c) {
        String p = "/api/datasets";
        c.add(json("create: no name", "POST", p, "{\"sentences\":[\"a\"]}", 400));
        c.add(json("create: blank name", "POST", p, "{\"name\":\"  \",\"sentences\":[\"a\"]}", 400));
        c.add(json("create: name of 201 characters", "POST", p, "{\"name\":\"" + "n".repeat(201)
                + "\",\"sentences\":[\"a\"]}", 400));
        c.add(json("create: no sentences", "POST", p, "{\"name\":\"x\"}", 400));
        c.add(json("create: empty sentences", "POST", p, "{\"name\":\"x\",\"sentences\":[]}", 400));
        c.add(json("create: a number sentence", "POST", p, "{\"name\":\"x\",\"sentences\":[\"a\",2]}", 400));
        c.add(json("create: a blank sentence", "POST", p, "{\"name\":\"x\",\"sentences\":[\"a\",\" \"]}", 400));
        c.add(json("create: a sentence over 10,000 characters", "POST", p, "{\"name\":\"x\",\"sentences\":[\""
                + "a".repeat(10_001) + "\"]}", 400));
        c.add(json("create: 5,001 sentences", "POST", p, "{\"name\":\"x\",\"sentences\":["
                + "\"s\",".repeat(5000) + "\"s\"]}", 413));
        c.add(json("create: unknown model", "POST", p, "{\"name\":\"x\",\"sentences\":[\"a fresh one\"],"
                + "\"model\":\"nope\"}", 404));
        c.add(json("create: malformed", "POST", p, "{\"name\":\"x\",", 400));
        c.add(raw("create: text/plain", "POST", p, "text/plain", "a\nb", 415));
        c.add(json("create: name is an object", "POST", p, "{\"name\":{\"a\":1},\"sentences\":[\"a\"]}", 400));
        c.add(multipart("upload: no file part", "POST", p, null, null, 400));
        c.add(multipart("upload: empty file", "POST", p, "empty.txt", "", 400));
        c.add(multipart("upload: unknown extension", "POST", p, "data.exe", "a\nb\n", 400));
        c.add(multipart("upload: unknown format parameter", "POST", p + "?format=xml", "data.txt", "a\n", 400));
        c.add(multipart("upload: unbalanced CSV quote", "POST", p, "pairs.csv",
                "sentence1,sentence2,label\n\"open,b,1\n", 400));
        c.add(multipart("upload: broken JSONL line", "POST", p, "data.jsonl", "{\"text\":\"a\"}\n{\"text\":\n", 400));
        c.add(multipart("upload: score not a number", "POST", p, "pairs.csv", "sentence1,sentence2,score\na,b,high\n",
                400));
        c.add(multipart("upload: over the upload limit", "POST", p, "big.txt",
                "A line of text for a big file.\n".repeat(2600), 413));
        c.add(multipartBytes("upload: invalid UTF-8", "POST", p, "data.txt", new byte[] {'a', '\n', (byte) 0xFF,
            (byte) 0xFE, '\n'}, 400));
        c.add(multipart("upload: CSV header only", "POST", p, "pairs.csv", "sentence1,sentence2,label\n", 400));
        c.add(multipart("upload: threshold not a number", "POST", p + "?threshold=high", "data.txt", "a\n", 400));
        c.add(multipart("upload: index pair out of range", "POST", p, "pairs.csv", "i,j,label\n0,7,1\n", 400));
        c.add(multipart("upload: JSONL without a text field", "POST", p, "data.jsonl", "{\"other\":\"a\"}\n", 400));
    }

    private static void datasetResources(List<Case> c) {
        c.add(raw("get: missing dataset", "GET", "/api/datasets/" + MISSING, null, null, 404));
        c.add(raw("get: id not a number", "GET", "/api/datasets/abc", null, null, 400));
        c.add(raw("get: id beyond long", "GET", "/api/datasets/99999999999999999999", null, null, 400));
        c.add(raw("get: negative id", "GET", "/api/datasets/-1", null, null, 400));
        c.add(raw("delete: missing dataset", "DELETE", "/api/datasets/" + MISSING, null, null, 404));
        c.add(raw("delete: id not a number", "DELETE", "/api/datasets/abc", null, null, 400));
        c.add(raw("patch: not allowed", "PATCH", "/api/datasets/" + ID, "application/json", "{}", 405));
        String s = "/api/datasets/" + ID + "/sentences";
        c.add(json("append: missing dataset", "POST", "/api/datasets/" + MISSING + "/sentences",
                "{\"sentences\":[\"a\"]}", 404));
        c.add(json("append: empty sentences", "POST", s, "{\"sentences\":[]}", 400));
        c.add(json("append: a blank sentence", "POST", s, "{\"sentences\":[\"\"]}", 400));
        c.add(json("append: malformed", "POST", s, "{\"sentences\":", 400));
        c.add(json("append: past 5,000 sentences", "POST", s, "{\"sentences\":["
                + java.util.stream.IntStream.range(0, 4999).mapToObj(k -> "\"n" + k + "\"")
                        .collect(java.util.stream.Collectors.joining(",")) + "]}", 413));
        c.add(multipart("append upload: no file part", "POST", s, null, null, 400));
        c.add(multipart("append upload: broken JSONL", "POST", s, "more.jsonl", "{\"text\":1}\n", 400));
        c.add(multipart("append upload: missing dataset", "POST", "/api/datasets/" + MISSING + "/sentences",
                "more.txt", "x\n", 404));
        String m = "/api/datasets/" + ID + "/similarity";
        c.add(raw("similarity: unknown order", "GET", m + "?order=random", null, null, 400));
        c.add(raw("similarity: unknown format", "GET", m + "?format=png", null, null, 400));
        c.add(raw("similarity: missing dataset", "GET", "/api/datasets/" + MISSING + "/similarity", null, null, 404));
        c.add(raw("similarity: JSON above the size limit", "GET", m + "?format=json", null, null, 406));
        c.add(raw("unknown API path", "GET", "/api/nothing-here", null, null, 404));
        c.add(raw("models: POST", "POST", "/api/models", "application/json", "{}", 405));
    }

    private static void labels(List<Case> c) {
        String p = "/api/datasets/" + ID + "/labels";
        c.add(json("labels: an object, not a list", "PUT", p, "{}", 400));
        c.add(json("labels: a number item", "PUT", p, "[1]", 400));
        c.add(json("labels: i missing", "PUT", p, "[{\"j\":1,\"label\":1}]", 400));
        c.add(json("labels: i a string", "PUT", p, "[{\"i\":\"0\",\"j\":1,\"label\":1}]", 400));
        c.add(json("labels: i a fraction", "PUT", p, "[{\"i\":0.5,\"j\":1,\"label\":1}]", 400));
        c.add(json("labels: label 2", "PUT", p, "[{\"i\":0,\"j\":1,\"label\":2}]", 400));
        c.add(json("labels: label missing", "PUT", p, "[{\"i\":0,\"j\":1}]", 400));
        c.add(json("labels: i = j", "PUT", p, "[{\"i\":3,\"j\":3,\"label\":1}]", 400));
        c.add(json("labels: index past the end", "PUT", p, "[{\"i\":0,\"j\":5,\"label\":1}]", 400));
        c.add(json("labels: negative index", "PUT", p, "[{\"i\":-1,\"j\":2,\"label\":1}]", 400));
        c.add(json("labels: index beyond int", "PUT", p, "[{\"i\":0,\"j\":99999999999,\"label\":1}]", 400));
        c.add(json("labels: missing dataset", "PUT", "/api/datasets/" + MISSING + "/labels",
                "[{\"i\":0,\"j\":1,\"label\":1}]", 404));
        c.add(json("labels: 11 changes", "PUT", p, "[" + "{\"i\":1,\"j\":2,\"label\":1},".repeat(10)
                + "{\"i\":1,\"j\":2,\"label\":1}]", 413));
        c.add(json("labels: malformed", "PUT", p, "[{\"i\":0,", 400));
        c.add(json("labels: a valid change then a bad one", "PUT", p,
                "[{\"i\":3,\"j\":4,\"label\":1},{\"i\":0,\"j\":9,\"label\":1}]", 400));
        c.add(json("labels: null body", "PUT", p, "null", 400));
        c.add(raw("labels: text/plain", "PUT", p, "text/plain", "0,1,1", 415));
        c.add(raw("labels: list of a missing dataset", "GET", "/api/datasets/" + MISSING + "/labels", null, null,
                404));
        c.add(raw("export: unknown format", "GET", p + "/export?format=xlsx", null, null, 400));
        c.add(raw("export: missing dataset", "GET", "/api/datasets/" + MISSING + "/labels/export", null, null, 404));
    }

    private static void labelImport(List<Case> c) {
        String p = "/api/datasets/" + ID + "/labels/import";
        c.add(raw("import: empty body", "POST", p, "text/csv", "", 400));
        c.add(raw("import: header only", "POST", p, "text/csv", "sentence1,sentence2,label\n", 400));
        c.add(raw("import: sentence not in the dataset", "POST", p, "text/csv",
                "sentence1,sentence2,label\nA cat sleeps.,A dog barks.,1\n", 400));
        c.add(raw("import: index out of range", "POST", p, "text/csv", "i,j,label\n0,40,1\n", 400));
        c.add(raw("import: no label column", "POST", p, "text/csv", "sentence1,sentence2\nA cat sleeps.,It rains.\n",
                400));
        c.add(raw("import: unknown format parameter", "POST", p + "?format=xml", "text/csv", "i,j,label\n0,1,1\n",
                400));
        c.add(raw("import: over the upload limit", "POST", p, "text/csv",
                "i,j,label\n" + "0,1,1\n".repeat(12_000), 413));
        c.add(raw("import: missing dataset", "POST", "/api/datasets/" + MISSING + "/labels/import", "text/csv",
                "i,j,label\n0,1,1\n", 404));
        c.add(raw("import: broken JSONL", "POST", p, "application/jsonl", "{\"i\":0,\"j\":1,\n", 400));
        c.add(raw("import: a good row then a bad one", "POST", p, "text/csv", "i,j,label\n3,4,1\n3,x,1\n", 400));
        c.add(raw("import: label text", "POST", p, "text/csv", "i,j,label\n3,4,yes\n", 400));
        c.add(raw("import: threshold not a number", "POST", p + "?threshold=abc", "text/csv", "i,j,label\n3,4,1\n",
                400));
        c.add(multipart("import upload: no file part", "POST", p, null, null, 400));
        c.add(multipart("import upload: unknown extension", "POST", p, "labels.xls", "i,j,label\n3,4,1\n", 400));
        c.add(multipart("import upload: bad index", "POST", p, "labels.csv", "i,j,label\n3,-4,1\n", 400));
    }

    private static void datasetAnalysis(List<Case> c) {
        String p = "/api/datasets/" + ID;
        c.add(raw("dataset loss: no loss", "GET", p + "/loss", null, null, 400));
        c.add(raw("dataset loss: unknown loss", "GET", p + "/loss?loss=nope", null, null, 404));
        c.add(raw("dataset loss: parameter not a number", "GET", p + "/loss?loss=contrastive&margin=wide", null, null,
                400));
        c.add(raw("dataset loss: unknown parameter", "GET", p + "/loss?loss=cosent&nope=1", null, null, 400));
        c.add(raw("dataset loss: gradient not a boolean", "GET", p + "/loss?loss=cosent&gradient=maybe", null, null,
                400));
        c.add(raw("dataset loss: missing dataset", "GET", "/api/datasets/" + MISSING + "/loss?loss=cosent", null,
                null, 404));
        c.add(raw("dataset loss: no labels yet", "GET", "/api/datasets/" + UNLABELLED + "/loss?loss=cosent", null,
                null, 422));
        c.add(raw("metrics: missing dataset", "GET", "/api/datasets/" + MISSING + "/metrics", null, null, 404));
        c.add(raw("metrics: id not a number", "GET", "/api/datasets/x/metrics", null, null, 400));
    }

    static Case json(String name, String method, String path, String body, int status) {
        return new Case(name, method, path, "application/json", bytes(body), status);
    }

    private static Case json(String name, String method, String path, byte[] body, int status) {
        return new Case(name, method, path, "application/json", body, status);
    }

    static Case raw(String name, String method, String path, String contentType, String body, int status) {
        return new Case(name, method, path, contentType, body == null ? null : bytes(body), status);
    }

    private static Case multipart(String name, String method, String path, String filename, String content,
            int status) {
        return multipartBytes(name, method, path, filename, content == null ? null : bytes(content), status);
    }

    /** A multipart body with a "name" field and, when filename is given, a "file" part. */
    private static Case multipartBytes(String name, String method, String path, String filename, byte[] content,
            int status) {
        String boundary = "----catalogue";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbad\r\n"));
        if (filename != null) {
            body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.writeBytes(content);
            body.writeBytes(bytes("\r\n"));
        }
        body.writeBytes(bytes("--" + boundary + "--\r\n"));
        return new Case(name, method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), status);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

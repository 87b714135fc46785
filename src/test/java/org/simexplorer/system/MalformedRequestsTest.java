package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.simexplorer.security.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request for each kind of malformed request that used to be a 500, a loose id, or an error answered
 * outside the problem-detail format: each is now a 4xx (405 for TRACE) problem detail with the security headers,
 * naming what is wrong where it can, and saves nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:malformed-requests;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "----malformed";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private long id;

    @BeforeAll
    void dataset() throws Exception {
        RawHttp.Response created = send("POST", "/api/datasets", Map.of("Content-Type", "application/json"),
                "{\"name\":\"malformed\",\"sentences\":[\"A cat sleeps.\",\"A kitten naps.\",\"Stocks fell.\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        id = JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void anInvalidUtf8EscapeInTheQueryIsA400NamingTheParameter() throws Exception {
        assertThat(problem(get("/api/datasets/" + id + "/metrics?model=%ff%fe"), 400).get("field").asString())
                .isEqualTo("model");
        assertThat(problem(get("/api/datasets/" + id + "/labels?unknown=%ff"), 400).get("field").asString())
                .isEqualTo("unknown");
        assertThat(problem(send("POST", "/api/datasets/" + id + "/labels/import?format=%ff%fe",
                Map.of("Content-Type", "text/csv"), "i,j,label\n0,1,1\n"), 400).get("field").asString())
                .isEqualTo("format");
        problem(get("/api/datasets?%zz=1"), 400);
        problem(send("PUT", "/api/datasets/" + id + "/labels", Map.of("Content-Type",
                "application/x-www-form-urlencoded"), "a=%z1&b=%ff"), 415);
        problem(send("POST", "/api/datasets", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "name=%ff%fe"), 415);
        problem(send("DELETE", "/api/datasets/" + id + "?x=%c3%28", Map.of(), null), 400);
        assertThat(datasets()).isEqualTo(1);
    }

    @Test
    void aMultipartBodyWithoutBoundaryOrCutOffIsA400() throws Exception {
        byte[] truncated = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\""
                + "\r\n\r\nOne line.\nAnother").getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"/api/datasets", "/api/datasets/jobs", "/api/datasets/" + id + "/sentences",
            "/api/datasets/" + id + "/labels/import"}) {
            JsonNode noBoundary = problem(send("POST", path, Map.of("Content-Type", "multipart/form-data"),
                    "a body"), 400);
            assertThat(noBoundary.get("detail").asString()).as(path).contains("boundary");
            problem(send("POST", path, Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                    truncated), 400);
        }
        assertThat(datasets()).isEqualTo(1);
        assertThat(sentences()).isEqualTo(3);
    }

    @Test
    void aNullSentenceOrNameInAnImportIsA400NamingItsPath() throws Exception {
        String archive = "{\"format\":\"similarity-explorer-dataset\",\"version\":1,\"name\":\"n\","
                + "\"model\":\"all-minilm-l6-v2\",\"sentences\":[\"a\",null],\"labels\":[],\"adapters\":[]}";
        assertThat(problem(send("POST", "/api/datasets/import", Map.of("Content-Type", "application/json"), archive),
                400).get("field").asString()).isEqualTo("sentences[1]");
        assertThat(problem(send("POST", "/api/datasets/import", Map.of("Content-Type", "application/json"),
                archive.replace("\"name\":\"n\",", "").replace("null", "\"b\"")), 400).get("field").asString())
                .isEqualTo("name");
        assertThat(problem(send("POST", "/api/datasets/import", Map.of("Content-Type", "application/json"),
                archive.replace("null", "\"b\"").replace("\"adapters\":[]", "\"adapters\":[null]")), 400)
                .get("field").asString()).isEqualTo("adapters[0]");
        assertThat(datasets()).isEqualTo(1);
    }

    @Test
    void pathIdsAreDecimalDigitsOnly() throws Exception {
        String hex = Long.toHexString(id);
        for (String loose : new String[] {"0x" + hex, "%23" + hex, "+" + id, "%20" + id, id + "%20", "-" + id,
            "1e1", "0" + id + ".0"}) {
            assertThat(problem(get("/api/datasets/" + loose), 400).get("field").asString()).as(loose)
                    .isEqualTo("id");
            problem(send("DELETE", "/api/datasets/" + loose, Map.of(), null), 400);
            problem(get("/api/datasets/" + loose + "/labels"), 400);
        }
        assertThat(get("/api/datasets/0" + id).status()).isEqualTo(200);
        assertThat(datasets()).isEqualTo(1);
    }

    @Test
    void aThresholdMustBeFinite() throws Exception {
        for (String threshold : new String[] {"NaN", "Infinity", "-Infinity"}) {
            assertThat(problem(send("POST", "/api/datasets", multipartHeaders(), multipart(threshold,
                    "pairs.csv", "sentence1,sentence2,score\nOne here.,Two there.,3\n")), 400).get("field")
                    .asString()).as(threshold).isEqualTo("threshold");
            problem(send("POST", "/api/datasets/" + id + "/sentences", multipartHeaders(), multipart(threshold,
                    "more.csv", "sentence1,sentence2,score\nA cat sleeps.,New one.,3\n")), 400);
            problem(send("POST", "/api/datasets/jobs", multipartHeaders(), multipart(threshold, "job.csv",
                    "sentence1,sentence2,score\nOne here.,Two there.,3\n")), 400);
            problem(send("POST", "/api/datasets/" + id + "/labels/import?threshold=" + threshold,
                    Map.of("Content-Type", "text/csv"), "sentence1,sentence2,score\nA cat sleeps.,Stocks fell.,3\n"),
                    400);
        }
        assertThat(datasets()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM labels").query(Integer.class).single()).isZero();
    }

    @Test
    void labelImportTakesOnlyItsDocumentedContentTypes() throws Exception {
        problem(send("POST", "/api/datasets/" + id + "/labels/import", Map.of("Content-Type", "application/xml"),
                "<labels/>"), 415);
        assertThat(send("POST", "/api/datasets/" + id + "/labels/import", Map.of("Content-Type", "text/csv"),
                "i,j,label\n0,1,1\n").status()).isEqualTo(200);
        assertThat(send("PUT", "/api/datasets/" + id + "/labels", Map.of("Content-Type", "application/json"),
                "[{\"i\":0,\"j\":1,\"label\":0}]").status()).isEqualTo(200);
    }

    @Test
    void whatTomcatRefusesIsAProblemDetailWithTheSecurityHeaders() throws Exception {
        problem(get("/api/datasets?q=" + "a".repeat(9000)), 400);
        problem(send("GET", "/api/datasets", Map.of("X-Big", "b".repeat(9000)), null), 400);
        problem(get("/api/datasets/1%00"), 400);
        problem(get("/api/datasets/..%2f..%2fetc"), 400);
        problem(get("/api/%2e%2e/%2e%2e/etc/passwd"), 400);
    }

    @Test
    void traceAndDoubleSlashesAreProblemDetails() throws Exception {
        problem(send("TRACE", "/api/datasets", Map.of(), null), 405);
        problem(get("//api/datasets"), 400);
        problem(get("/api//datasets"), 400);
        problem(get("/api/datasets;x=1"), 400);
    }

    @Test
    void refusalsCarryTheSameSecurityHeadersAsNormalAnswers() throws Exception {
        problem(send("POST", "/api/datasets", Map.of("Content-Type", "application/json",
                "Origin", "https://elsewhere.example"), "{}"), 403);
        problem(send("POST", "/api/datasets", Map.of("Content-Type", "application/json",
                "Sec-Fetch-Site", "cross-site"), "{}"), 403);
        problem(RawHttp.send(port, "GET", "/api/datasets", "rebound.example", Map.of(), (byte[]) null), 421);
        problem(get("/api/embed"), 405);
        problem(get("/api/nothing-here"), 404);
    }

    @Test
    void theErrorPathNeverAnswers500() throws Exception {
        problem(get("/error"), 404);
        assertThat(send("GET", "/error", Map.of("Accept", "text/html"), null).status()).isEqualTo(404);
        assertThat(send("POST", "/error", Map.of("Content-Type", "application/json"), "{}").status()).isLessThan(500);
    }

    /** Asserts a problem detail of this status with every security header, and returns it. */
    private JsonNode problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        SecurityHeaders.all().forEach((name, value) -> assertThat(response.header(name)).as(name + " on "
                + response.body()).isEqualTo(value));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
        return problem;
    }

    private RawHttp.Response get(String path) throws Exception {
        return send("GET", path, Map.of(), null);
    }

    private RawHttp.Response send(String method, String path, Map<String, String> headers, Object body)
            throws Exception {
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) body;
        return RawHttp.send(port, method, path, "127.0.0.1", headers, bytes);
    }

    private static Map<String, String> multipartHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        return headers;
    }

    private static byte[] multipart(String threshold, String filename, String content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"%s\"%s\r\n\r\n%s\r\n";
        body.writeBytes(String.format(part, "name", "", "thresholds").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(String.format(part, "threshold", "", threshold).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(String.format(part, "file", "; filename=\"" + filename + "\"", content)
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private int datasets() {
        return jdbc.sql("SELECT COUNT(*) FROM datasets").query(Integer.class).single();
    }

    private int sentences() {
        return jdbc.sql("SELECT COUNT(*) FROM sentences").query(Integer.class).single();
    }
}

package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.sessions.JqwikSession;
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
 * Malformed requests for every operation of the app's own OpenAPI document, generated from it, so that a new
 * endpoint is covered without anyone writing its cases ({@link ApiCatalogue} builds them). Every answer is below
 * 500, every error is a problem detail, and the datasets, sentences, labels and adapters are the same after each
 * request as before it. Prints the number of cases and the answers by status as key=value lines. The limits are
 * the defaults, so that the large bodies are read to the end (a body refused early loses its connection).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:api-catalogue;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCatalogueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The random parts (replacement values) are the same on every run. */
    private static final long SEED = 21;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private long dataset;
    private long adapter;

    @BeforeAll
    void data() throws Exception {
        HttpResponse<String> created = http.send(request("POST", "/api/datasets", "application/json",
                ("{\"name\":\"catalogue\",\"sentences\":[\"A cat sleeps.\",\"A kitten naps.\",\"Stocks fell.\","
                        + "\"Bonds slid.\"]}").getBytes(StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        dataset = JSON.readTree(created.body()).get("id").asLong();
        HttpResponse<String> labelled = http.send(request("PUT", "/api/datasets/" + dataset + "/labels",
                "application/json", "[{\"i\":0,\"j\":1,\"label\":1},{\"i\":0,\"j\":2,\"label\":-1}]"
                        .getBytes(StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(200);
        adapter = TrainingBadInput.failedAdapter(jdbc, dataset, "taken");
    }

    @Test
    void everyOperationAnswersMalformedRequestsWithA4xxProblemDetailAndSavesNothing() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        ApiCatalogue catalogue = new ApiCatalogue(JSON.readTree(document.body()), dataset, adapter, new Random(SEED));
        List<ApiCatalogue.Case> cases = new ArrayList<>();
        // jqwik's generators run only inside a session; outside a property this test opens one itself.
        JqwikSession.run(Long.toString(SEED), () -> cases.addAll(catalogue.cases()));
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        String before = snapshot();
        for (ApiCatalogue.Case bad : cases) {
            int status;
            try {
                status = check(bad, failures);
            } catch (java.io.IOException e) {
                failures.add(bad + ": no answer (" + e + ")");
                status = 0;
            }
            byStatus.merge("catalogue_status_" + status, 1, Integer::sum);
            String after = snapshot();
            if (!after.equals(before)) {
                failures.add(bad + " changed the data: " + before + " -> " + after);
                before = after;
            }
        }
        System.out.println("catalogue_operations=" + catalogue.operations());
        System.out.println("catalogue_cases=" + cases.size());
        byStatus.forEach((key, count) -> System.out.println(key + "=" + count));
        assertThat(failures).isEmpty();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(catalogue.operations()).isGreaterThanOrEqualTo(30);
    }

    /** Sent over a plain socket: Java's HttpClient refuses the broken escapes some cases are about. */
    private int check(ApiCatalogue.Case bad, List<String> failures) throws Exception {
        Map<String, String> headers = bad.contentType() == null ? Map.of()
                : Map.of("Content-Type", bad.contentType());
        RawHttp.Response response = RawHttp.send(port, bad.method(), bad.path(), "127.0.0.1", headers, bad.body());
        int status = response.status();
        String body = response.body();
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (status >= 500) failures.add(bad + ": " + status + " " + shown);
        if (status >= 400) {
            String type = response.header("Content-Type") == null ? "" : response.header("Content-Type");
            if (!type.startsWith("application/problem+json")) {
                failures.add(bad + ": " + status + " as " + type + ", not a problem detail: " + shown);
            } else if (JSON.readTree(body).path("status").asInt() != status) {
                failures.add(bad + ": the problem's status is not " + status + ": " + shown);
            }
        }
        return status;
    }

    private HttpRequest.Builder request(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) request.header("Content-Type", contentType);
        return request;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Counts of what a request could write, and the labels' values, as one string. */
    private String snapshot() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM datasets) || '/' || (SELECT COUNT(*) FROM sentences) || '/'"
                + " || (SELECT COUNT(*) FROM labels) || '/' || (SELECT COALESCE(SUM(label * (i + 7 * j)), 0) FROM"
                + " labels) || '/' || (SELECT COUNT(*) FROM adapters)").query(String.class).single();
    }
}

package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Missing things on the running app: a person gets a readable page, a script gets a problem detail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"simexplorer.data-dir=./target/test-data/embedding-api", "simexplorer.limits.max-sentences-per-request=50",
                "simexplorer.limits.max-chars-per-sentence=5000"})
class ErrorResponsesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownPageInABrowserIsAReadableHtml404() throws Exception {
        HttpResponse<String> response = get("/no/such/page", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("Not found").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void unknownApiPathIsAProblemDetail404() throws Exception {
        HttpResponse<String> response = get("/api/no-such-thing", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void missingDatasetIsA404ProblemDetail() throws Exception {
        HttpResponse<String> response = get("/api/datasets/987654", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}

package org.simexplorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The defaults on the running app, bound to loopback as shipped: unknown Host names refused, security headers,
 * no login, and an expired form that keeps what was typed. Same properties as ErrorResponsesTest, so the two
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"simexplorer.data-dir=./target/test-data/embedding-api", "simexplorer.limits.max-sentences-per-request=50",
                "simexplorer.limits.max-chars-per-sentence=5000"})
class NetworkDefaultsTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    DatasetService datasets;

    @Test
    void theAppListensOnLoopbackOnly(@Autowired org.springframework.core.env.Environment environment) {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(NetworkExposure.isLoopback(environment.getProperty("server.address"))).isTrue();
    }

    @Test
    void anApiRequestForAnUnknownHostIsA421ProblemDetail() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/datasets", "evil.example:" + port, "application/json");
        assertThat(response.status()).isEqualTo(421);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":421").contains("evil.example")
                .contains("simexplorer.security.allowed-hosts");
    }

    @Test
    void aPageRequestForAnUnknownHostGetsAPlainErrorPage() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/", "evil.example", HTML);
        assertThat(response.status()).isEqualTo(421);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("<h1>Unknown host name</h1>").contains("&quot;evil.example&quot;")
                .doesNotContain("<script");
    }

    @Test
    void aDnsRebindingWriteIsRefusedAndSavesNothing() throws Exception {
        int before = datasets.list().size();
        String site = "rebound.evil.example:" + port;
        RawHttp.Response response = RawHttp.send(port, "POST", "/api/datasets", site, Map.of(
                "Origin", "http://" + site, "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json"),
                "{\"name\":\"rebound\",\"sentences\":[\"One.\",\"Two.\"]}");
        assertThat(response.status()).isEqualTo(421);
        assertThat(datasets.list()).hasSize(before);
    }

    @Test
    void localNamesAreServed() throws Exception {
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost.", "127.0.0.1"}) {
            assertThat(RawHttp.get(port, "/api/models", host, "application/json").status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void pagesAndTheApiCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/api/models", "/datasets/987654", "/api/datasets/987654", "/css/app.css"}) {
            RawHttp.Response response = RawHttp.get(port, path, "localhost:" + port, path.startsWith("/api") ? "application/json" : HTML);
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void onLoopbackNothingAsksForALogin() throws Exception {
        assertThat(RawHttp.get(port, "/", "localhost:" + port, HTML).status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/datasets", "localhost:" + port, "application/json").status()).isEqualTo(200);
        RawHttp.Response login = RawHttp.get(port, "/login", "localhost:" + port, HTML);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/");
    }

    @Test
    void anExpiredFormComesBackAsAPageThatKeepsWhatWasTyped() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String sentences = "The first <b>sentence</b> & more.\nThe second \"sentence\".";
        String boundary = "----expired" + System.nanoTime();
        String multipart = part(boundary, "name", "Kept after expiry") + part(boundary, "sentences", sentences)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mine.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nA line.\r\n"
                + part(boundary, "_csrf", "stale-token") + "--" + boundary + "--\r\n";
        HttpResponse<String> expired = browser.send(HttpRequest.newBuilder(uri("/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String page = expired.body();
        assertThat(page).contains("This form has expired").doesNotContain("stale-token")
                .contains("value=\"Kept after expiry\"")
                .contains(">The first &lt;b&gt;sentence&lt;/b&gt; &amp; more.\nThe second &quot;sentence&quot;.</textarea>")
                .contains("The file mine.txt was not kept");
        assertThat(page).contains("action=\"/datasets\"");

        // the page's fresh token sends the same text again
        String form = "_csrf=" + enc(token(page)) + "&name=" + enc("Kept after expiry") + "&sentences=" + enc(sentences);
        HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(uri("/datasets"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).matches(".*/datasets/\\d+"));
        String location = sent.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(datasets.sentences(id)).containsExactly("The first <b>sentence</b> & more.", "The second \"sentence\".");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a fresh token in the page").isTrue();
        return m.group(1);
    }
}

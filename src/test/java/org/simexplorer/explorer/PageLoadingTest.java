package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes the dataset page quick to open, on the running app: the page lists every module its scripts import
 * (directly or not) as a modulepreload, with the sizes that spare the first request; static files are kept by the
 * browser and revalidated with a 304. Same properties as NetworkDefaultsTest, so the two share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"simexplorer.data-dir=./target/test-data/embedding-api", "simexplorer.limits.max-sentences-per-request=50",
                "simexplorer.limits.max-chars-per-sentence=5000"})
class PageLoadingTest {

    private static final Pattern IMPORT = Pattern.compile("from '\\./([\\w.-]+\\.js)'|import '\\./([\\w.-]+\\.js)'");
    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"/js/([\\w.-]+\\.js)\">");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDatasetPagePreloadsEveryModuleItsScriptsImportAndCarriesItsSizes() throws Exception {
        long id = create("preloads", "[\"A cat sleeps.\",\"A dog runs.\",\"Rain falls.\"]");

        String page = get("/datasets/" + id).body();
        Set<String> preloaded = new LinkedHashSet<>();
        Matcher links = PRELOAD.matcher(page);
        while (links.find()) preloaded.add(links.group(1));
        assertThat(preloaded).isEqualTo(importedBy("explorer.js", "transfer-view.js"));
        assertThat(preloaded).contains("tile-loader.js", "viewport.js").doesNotContain("umap-worker.js", "home.js");
        assertThat(page).contains("data-sentences=\"3\"").contains("data-tiled-above=\"3000\"");
        // what the script asks first is asked while the modules load; a dataset this small has no tiles
        assertThat(page).contains("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/api/datasets/"
                + id + "\">").contains("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/api/datasets/"
                + id + "/labels\">").doesNotContain("/tiles/0/0/0");
    }

    /** The import graph read from the sources in frontend/src, independently of the server's reading. */
    private static Set<String> importedBy(String... entries) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        List<String> next = new java.util.ArrayList<>(List.of(entries));
        while (!next.isEmpty()) {
            String module = next.remove(0);
            if (!seen.add(module)) continue;
            String source = Files.readString(Path.of("frontend/src", module));
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) next.add(imports.group(1) != null ? imports.group(1) : imports.group(2));
        }
        return seen;
    }

    @Test
    void aDatasetTheBrowserHoldsIsA304UntilItsSentencesOrLabelsChange() throws Exception {
        long id = create("versions", "[\"One cat.\",\"Two dogs.\",\"Three birds.\"]");
        HttpResponse<String> first = get("/api/datasets/" + id);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> held = get("/api/datasets/" + id, "If-None-Match", etag);
        assertThat(held.statusCode()).isEqualTo(304);
        assertThat(held.body()).isEmpty();

        assertThat(send("PUT", "/api/datasets/" + id + "/labels", "[{\"i\":0,\"j\":1,\"label\":1}]").statusCode())
                .isLessThan(300);
        HttpResponse<String> labelled = get("/api/datasets/" + id, "If-None-Match", etag);
        assertThat(labelled.statusCode()).isEqualTo(200);
        assertThat(labelled.body()).contains("\"labels\":1");
        String afterLabel = labelled.headers().firstValue("ETag").orElseThrow();
        assertThat(afterLabel).isNotEqualTo(etag);

        assertThat(send("POST", "/api/datasets/" + id + "/sentences", "{\"sentences\":[\"Four fish.\"]}").statusCode())
                .isLessThan(300);
        HttpResponse<String> appended = get("/api/datasets/" + id, "If-None-Match", afterLabel);
        assertThat(appended.statusCode()).isEqualTo(200);
        assertThat(appended.body()).contains("Four fish.");
        assertThat(get("/api/datasets/987654", "If-None-Match", etag).statusCode()).isEqualTo(404);
    }

    @Test
    void theDatasetAnswerIsGzippedOnceForABrowserAndPlainForAClientThatDoesNotAskForIt() throws Exception {
        long id = create("zipped", "[\"Sun rises.\",\"Moon sets.\",\"Stars shine.\"]");
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/datasets/" + id)).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().allValues("Content-Encoding")).containsExactly("gzip");
        String json = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"Moon sets.\"").contains("\"id\":" + id);
        assertThat(get("/api/datasets/" + id).body()).isEqualTo(json);
        assertThat(get("/api/datasets/" + id).headers().firstValue("Content-Encoding")).isEmpty();

        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> held = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/datasets/" + id)).header("Accept-Encoding", "gzip").header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(held.statusCode()).isEqualTo(304);
        assertThat(held.body()).isEmpty();
        HttpResponse<byte[]> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/datasets/987654")).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(missing.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"status\":404");

        // the same version gets the same bytes and tag; a label changes the version and so the answer (that the
        // bytes are kept rather than made again is DatasetAnswersTest's)
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/datasets/" + id)).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.body()).isEqualTo(zipped.body());
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(send("PUT", "/api/datasets/" + id + "/labels", "[{\"i\":0,\"j\":1,\"label\":1}]").statusCode())
                .isLessThan(300);
        HttpResponse<byte[]> labelled = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/datasets/" + id)).header("Accept-Encoding", "gzip").header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(labelled.statusCode()).isEqualTo(200);
        assertThat(labelled.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(labelled.body()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"labels\":1");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private long create(String name, String sentencesJson) throws Exception {
        HttpResponse<String> created = send("POST", "/api/datasets", "{\"name\":\"" + name + "\",\"sentences\":"
                + sentencesJson + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
    }

    @Test
    void staticFilesAreRevalidatedInsteadOfSentAgain() throws Exception {
        HttpResponse<String> first = get("/js/explorer.js");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = get("/js/explorer.js", "If-Modified-Since", modified);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/css/app.css").headers().firstValue("Cache-Control")).hasValue("no-cache");
    }
}

package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import org.simexplorer.security.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar started as the fast start of docs/deployment.md does, with Spring AOT's build-time bean definitions
 * ({@code -Dspring.aot.enabled=true}). Spring AOT fixes at build time which beans exist, so this checks that
 * what is decided from run-time settings still is: the Host allow-list and security headers, the refused start
 * on a non-loopback address without users, health with the models, the API document, and the commands (which
 * need the "cli" profile's beans).
 */
class FastStartIT {

    private static final String SPRING_AOT = "-Dspring.aot.enabled=true";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void servesTheAppWithBuildTimeBeanDefinitions() throws Exception {
        try (AppProcess app = AppProcess.start(dataDir, List.of(SPRING_AOT))) {
            assertThat(app.log()).contains("Starting AOT-processed SimilarityExplorerApplication");

            RawHttp.Response home = get(app, "/", "localhost");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(get(app, "/api/datasets", "evil.example").status()).isEqualTo(421);

            HttpResponse<String> created = app.http().send(HttpRequest.newBuilder(app.uri("/api/datasets"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"fast\",\"sentences\":[\"a cat sleeps\",\"a dog barks\",\"stocks fell\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("counts").get("sentences").asInt()).isEqualTo(3);

            JsonNode health = JSON.readTree(get(app, "/actuator/health", "localhost").body());
            assertThat(health.get("components").get("models").get("status").asString()).isEqualTo("UP");
            assertThat(get(app, "/actuator/env", "localhost").status()).isEqualTo(404);
            JsonNode document = JSON.readTree(get(app, "/v3/api-docs", "localhost").body());
            assertThat(document.get("paths").has("/api/datasets")).isTrue();
        }
    }

    @Test
    void stillRefusesANetworkAddressWithoutUsers() throws Exception {
        Result refused = run(List.of(SPRING_AOT, "-jar", AppProcess.jar().toString(),
                "--server.address=0.0.0.0", "--server.port=0", "--simexplorer.data-dir=" + dataDir));
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("0.0.0.0").contains("refusing to start");
    }

    @Test
    void commandsRunWithTheirOwnBeansEvenWhenSpringAotIsAskedFor() throws Exception {
        Result unknown = run(List.of(SPRING_AOT, "-jar", AppProcess.jar().toString(), "bench", "no-such-command"));
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("Unknown command: bench no-such-command")
                .contains("usage: bench similarity").contains("usage: eval");
    }

    /** A GET with the Host header given (Java's HttpClient will not set one), through {@link RawHttp}. */
    private static RawHttp.Response get(AppProcess app, String path, String host) throws Exception {
        return RawHttp.get(app.uri("/").getPort(), path, host, "*/*");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

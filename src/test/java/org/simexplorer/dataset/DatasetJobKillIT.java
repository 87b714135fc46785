package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset job cut off by SIGKILL in the middle of its embedding is, after a restart on the same data folder,
 * shown as interrupted with how far it got: by its status URL (not a 404) and on the home page, until dismissed.
 */
class DatasetJobKillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SENTENCES = 3000;

    @TempDir
    Path dataDir;

    @Test
    void aJobKilledMidUploadIsInterruptedAfterTheRestart() throws Exception {
        String statusUrl;
        int embeddedBeforeKill;
        try (AppProcess app = AppProcess.start(dataDir)) {
            StringBuilder file = new StringBuilder();
            for (int k = 0; k < SENTENCES; k++) file.append("Killed upload line ").append(k).append(" about rivers.\n");
            String boundary = UUID.randomUUID().toString();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nKilled upload\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lines.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> started = app.http().send(HttpRequest.newBuilder(app.uri("/api/datasets/jobs"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            statusUrl = JSON.readTree(started.body()).get("statusUrl").asText();
            JsonNode status = get(app, statusUrl);
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (status.get("embedded").asInt() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                status = get(app, statusUrl);
            }
            assertThat(status.get("state").asText()).as("still embedding when killed").isEqualTo("RUNNING");
            embeddedBeforeKill = status.get("embedded").asInt();
            app.kill();
        }
        try (AppProcess app = AppProcess.start(dataDir)) {
            JsonNode status = get(app, statusUrl);
            assertThat(status.get("state").asText()).isEqualTo("INTERRUPTED");
            assertThat(status.get("total").asInt()).isEqualTo(SENTENCES);
            assertThat(status.get("embedded").asInt()).as("the committed chunks")
                    .isBetween(embeddedBeforeKill, SENTENCES - 1);
            String home = app.http().send(HttpRequest.newBuilder(app.uri("/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(home).contains("Killed upload").contains("interrupted by a stop after");
            HttpResponse<String> dismissed = app.http().send(HttpRequest.newBuilder(app.uri(statusUrl)).DELETE()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dismissed.statusCode()).isEqualTo(204);
            assertThat(app.http().send(HttpRequest.newBuilder(app.uri("/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).doesNotContain("Killed upload");
        }
    }

    private static JsonNode get(AppProcess app, String path) throws Exception {
        return JSON.readTree(app.http().send(HttpRequest.newBuilder(app.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}

package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One packaged jar on H2, the embedded default: a dataset job cut off by SIGKILL in the middle of its embedding
 * resumes after a restart on the same data folder from its last committed chunk, and the dataset ends complete
 * with exactly the uploaded sentences. Prints the time from the kill to the resumption and to the end as
 * key=value lines (the restart, with its model load, is most of it).
 */
class DatasetJobKillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SENTENCES = 3000;
    /** Quick takeover: an execution whose heartbeats stop counts as dead after 4 × 500 ms. */
    static final String[] QUICK_SCHEDULER = {"--simexplorer.scheduling.heartbeat-interval=500ms",
            "--simexplorer.scheduling.polling-interval=250ms"};

    @TempDir
    Path dataDir;

    @Test
    void aJobKilledMidUploadResumesAfterTheRestartAndEndsWithEverySentence() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < SENTENCES; k++) lines.add("Killed upload line " + k + " about rivers.");
        String statusUrl;
        int embeddedBeforeKill;
        long killedAt;
        try (AppProcess app = AppProcess.start(dataDir, QUICK_SCHEDULER)) {
            String boundary = UUID.randomUUID().toString();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nKilled upload\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lines.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + String.join("\n", lines) + "\n\r\n--" + boundary + "--\r\n";
            HttpResponse<String> started = app.http().send(HttpRequest.newBuilder(app.uri("/api/datasets/jobs"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            statusUrl = JSON.readTree(started.body()).get("statusUrl").asText();
            JsonNode status = awaitStatus(app, statusUrl, s -> s.get("embedded").asInt() >= 200);
            assertThat(status.get("state").asText()).as("still embedding when killed").isEqualTo("RUNNING");
            embeddedBeforeKill = status.get("embedded").asInt();
            killedAt = System.nanoTime();
            app.kill();
        }
        try (AppProcess app = AppProcess.start(dataDir, QUICK_SCHEDULER)) {
            JsonNode resumed = awaitStatus(app, statusUrl, s -> s.get("resumes").asInt() >= 1);
            long resumedAt = System.nanoTime();
            assertThat(resumed.get("embedded").asInt()).as("the committed chunks stayed")
                    .isGreaterThanOrEqualTo(embeddedBeforeKill);
            JsonNode done = awaitStatus(app, statusUrl, s -> JobState.valueOf(s.get("state").asText()).finished());
            long doneAt = System.nanoTime();
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.get("embedded").asInt()).isEqualTo(SENTENCES);
            assertThat(done.get("resumes").asInt()).isEqualTo(1);
            JsonNode dataset = get(app, "/api/datasets/" + done.get("datasetId").asLong());
            List<String> stored = new ArrayList<>();
            dataset.get("sentences").forEach(sentence -> stored.add(sentence.asText()));
            assertThat(stored).as("exactly the uploaded sentences, in order").containsExactlyElementsOf(lines);
            System.out.println("bench.dataset_job.h2_restart.sentences=" + SENTENCES);
            System.out.println("bench.dataset_job.h2_restart.embedded_at_kill=" + embeddedBeforeKill);
            System.out.println("bench.dataset_job.h2_restart.kill_to_resumed_ms=" + (resumedAt - killedAt) / 1_000_000);
            System.out.println("bench.dataset_job.h2_restart.kill_to_done_ms=" + (doneAt - killedAt) / 1_000_000);
            String home = app.http().send(HttpRequest.newBuilder(app.uri("/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(home).as("a finished job leaves the list of jobs")
                    .doesNotContain("data-job-id=\"" + done.get("id").asText() + "\"");
        }
    }

    static JsonNode awaitStatus(AppProcess app, String statusUrl, java.util.function.Predicate<JsonNode> until)
            throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = get(app, statusUrl);
            if (until.test(status)) return status;
            Thread.sleep(50);
        }
        throw new AssertionError("the job never got there: " + get(app, statusUrl));
    }

    static JsonNode get(AppProcess app, String path) throws Exception {
        return JSON.readTree(app.http().send(HttpRequest.newBuilder(app.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}

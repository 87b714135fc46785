package org.simexplorer.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 200 on PUT labels means the label is on disk: 500 labels written one request at a time survive a SIGKILL
 * sent right after the last answer, and are all there when the app restarts on the same data folder.
 */
class LabelDurabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedLabelSurvivesSigkill() throws Exception {
        Map<String, Integer> written = new LinkedHashMap<>();
        long datasetId;
        try (AppProcess app = AppProcess.start(dataDir)) {
            List<String> sentences = new ArrayList<>();
            for (int k = 0; k < 40; k++) sentences.add("Durability sentence number " + k + ".");
            HttpResponse<String> created = send(app, HttpRequest.newBuilder(app.uri("/api/datasets"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("name", "durability", "sentences", sentences)))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            datasetId = JSON.readTree(created.body()).get("id").asLong();

            int count = 0;
            outer:
            for (int i = 0; i < 40; i++) {
                for (int j = i + 1; j < 40; j++) {
                    int label = (i + j) % 3 == 0 ? 1 : -1;
                    String body = "[{\"i\":" + i + ",\"j\":" + j + ",\"label\":" + label + "}]";
                    HttpResponse<String> response = send(app, HttpRequest.newBuilder(
                                    app.uri("/api/datasets/" + datasetId + "/labels"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)));
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    written.put(i + "," + j, label);
                    if (++count == 500) break outer;
                }
            }
            app.kill();
        }
        assertThat(written).hasSize(500);

        try (AppProcess restarted = AppProcess.start(dataDir)) {
            HttpResponse<String> response = send(restarted, HttpRequest.newBuilder(
                    restarted.uri("/api/datasets/" + datasetId + "/labels")).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Integer> found = new LinkedHashMap<>();
            for (var label : JSON.readTree(response.body())) {
                found.put(label.get("i").asInt() + "," + label.get("j").asInt(), label.get("label").asInt());
            }
            List<String> lost = written.keySet().stream().filter(pair -> !found.containsKey(pair)).toList();
            assertThat(lost).as("acknowledged labels lost after SIGKILL (%d of 500)", lost.size()).isEmpty();
            assertThat(found).isEqualTo(written);
            restarted.stop();
        }
        assertThat(Files.list(dataDir)).isNotEmpty();
    }

    private static HttpResponse<String> send(AppProcess app, HttpRequest.Builder request) throws Exception {
        return app.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

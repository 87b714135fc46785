package org.simexplorer.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 200 on PUT labels means the label is on disk: labels written by eight clients at once (so that writes share
 * commits) survive a SIGKILL sent once 500 have been answered, with other writes still in flight, and every
 * answered one is there when the app restarts on the same data folder.
 */
class LabelDurabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WRITERS = 8;
    private static final int ACKNOWLEDGED = 500;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedLabelSurvivesSigkill() throws Exception {
        Map<String, Integer> written = new ConcurrentHashMap<>();
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

            // Eight writers at once, so that writes share commits; the kill comes while others are in flight.
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < 40; i++) for (int j = i + 1; j < 40; j++) pairs.add(new int[] {i, j});
            AtomicInteger next = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<Void>> clients = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                clients.add(writers.submit(() -> {
                    int k;
                    while ((k = next.getAndIncrement()) < pairs.size()) {
                        int i = pairs.get(k)[0];
                        int j = pairs.get(k)[1];
                        int label = (i + j) % 3 == 0 ? 1 : -1;
                        String body = "[{\"i\":" + i + ",\"j\":" + j + ",\"label\":" + label + "}]";
                        HttpResponse<String> response;
                        try {
                            response = send(app, HttpRequest.newBuilder(
                                            app.uri("/api/datasets/" + datasetId + "/labels"))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
                        } catch (Exception killed) {
                            return null;
                        }
                        if (response.statusCode() != 200) throw new AssertionError(response.body());
                        written.put(i + "," + j, label);
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (written.size() < ACKNOWLEDGED && System.nanoTime() < deadline) Thread.sleep(1);
            app.kill();
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            for (Future<Void> client : clients) client.get(); // a refused write (not 200) fails the test here
        }
        assertThat(written).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED);

        try (AppProcess restarted = AppProcess.start(dataDir)) {
            HttpResponse<String> response = send(restarted, HttpRequest.newBuilder(
                    restarted.uri("/api/datasets/" + datasetId + "/labels")).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Integer> found = new LinkedHashMap<>();
            for (var label : JSON.readTree(response.body())) {
                found.put(label.get("i").asInt() + "," + label.get("j").asInt(), label.get("label").asInt());
            }
            List<String> lost = written.keySet().stream().filter(pair -> !found.containsKey(pair)).toList();
            assertThat(lost).as("acknowledged labels lost after SIGKILL (%d of %d)", lost.size(), written.size())
                    .isEmpty();
            // Writes in flight at the kill may have committed too; each pair was written once, with one label.
            assertThat(found).containsAllEntriesOf(written);
            found.forEach((pair, label) -> {
                String[] ij = pair.split(",");
                assertThat(label).isEqualTo((Integer.parseInt(ij[0]) + Integer.parseInt(ij[1])) % 3 == 0 ? 1 : -1);
            });
            restarted.stop();
        }
        assertThat(Files.list(dataDir)).isNotEmpty();
    }

    private static HttpResponse<String> send(AppProcess app, HttpRequest.Builder request) throws Exception {
        return app.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

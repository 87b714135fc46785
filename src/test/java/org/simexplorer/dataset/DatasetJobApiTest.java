package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous dataset creation over real HTTP with the real model: 202 with a status URL, an event stream of
 * the embedding's progress ending in "done", the same dataset as the synchronous create, and input that would
 * make the job fail refused before it starts, without writing anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:dataset-jobs;DB_CLOSE_DELAY=-1",
        "simexplorer.datasets.embed-chunk=32",
        "simexplorer.datasets.max-sentences=5000"})
class DatasetJobApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> postJson(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The events of a stream until it ends, as [name, data JSON]. */
    private List<Map.Entry<String, JsonNode>> events(String path) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<Map.Entry<String, JsonNode>> events = new ArrayList<>();
        String[] name = {null};
        response.body().forEach(line -> {
            if (line.startsWith("event:")) {
                name[0] = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                events.add(Map.entry(name[0], JSON.readTree(line.substring(5).strip())));
            }
        });
        return events;
    }

    private static List<String> sentences(int count) {
        String[] subjects = {"The cat", "A farmer", "Our neighbour", "The old train", "My sister", "A small boat"};
        String[] verbs = {"watches", "paints", "follows", "repairs", "describes", "remembers"};
        String[] objects = {"the river", "a red kite", "the market", "an empty field", "the night sky", "a letter"};
        return IntStream.range(0, count).mapToObj(k -> subjects[k % 6] + " " + verbs[k / 6 % 6] + " "
                + objects[k / 36 % 6] + " on day " + k + ".").toList();
    }

    @Test
    void aJobAnswers202StreamsProgressAndEndsWithTheDataset() throws Exception {
        List<String> sentences = sentences(600);
        HttpResponse<String> started = postJson("/api/datasets/jobs", Map.of("name", "In the background",
                "sentences", sentences));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        assertThat(started.headers().firstValue("Location")).contains(job.get("statusUrl").asText());

        List<Map.Entry<String, JsonNode>> events = events(job.get("eventsUrl").asText());
        Map.Entry<String, JsonNode> last = events.get(events.size() - 1);
        assertThat(last.getKey()).isEqualTo("done");
        long datasetId = last.getValue().get("datasetId").asLong();
        assertThat(last.getValue().get("embedded").asInt()).isEqualTo(600);
        List<Integer> progress = events.stream().filter(e -> e.getKey().equals("progress"))
                .map(e -> e.getValue().get("embedded").asInt()).toList();
        assertThat(progress).as("progress events while embedding").isNotEmpty().isSorted()
                .anyMatch(done -> done > 0 && done < 600).allMatch(done -> done <= 600);
        assertThat(events.stream().filter(e -> e.getKey().equals("progress")).map(Map.Entry::getValue))
                .as("the time left, from the rate of the run so far").anyMatch(e -> e.get("etaSeconds").isNumber())
                .allMatch(e -> !e.get("resuming").asBoolean());

        JsonNode status = getJson(job.get("statusUrl").asText());
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("dataset").asText()).isEqualTo("/api/datasets/" + datasetId);
        JsonNode dataset = getJson("/api/datasets/" + datasetId);
        assertThat(dataset.get("name").asText()).isEqualTo("In the background");
        assertThat(dataset.get("sentences")).hasSize(600);

        // the stream of a finished job answers its end at once
        assertThat(events(job.get("eventsUrl").asText())).extracting(Map.Entry::getKey).containsExactly("done");
        // and the synchronous create is as it was: 201 and the dataset
        HttpResponse<String> sync = postJson("/api/datasets", Map.of("name", "At once", "sentences", sentences.subList(0, 3)));
        assertThat(sync.statusCode()).isEqualTo(201);
    }

    @Test
    void malformedInputIsA400BeforeAnyJobStarts() throws Exception {
        HttpResponse<String> empty = postJson("/api/datasets/jobs", Map.of("name", "Empty", "sentences", List.of()));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** The name, the model and the sizes are checked before the 202, as for POST /api/datasets. */
    @Test
    void aJobThatWouldFailIsRefusedBeforeItStarts() throws Exception {
        int before = getJson("/api/datasets").size();
        HttpResponse<String> unknownModel = postJson("/api/datasets/jobs", Map.of("name", "Unknown model",
                "sentences", List.of("One sentence."), "model", "no-such-model"));
        assertThat(unknownModel.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownModel.body()).get("detail").asText()).contains("no-such-model");
        HttpResponse<String> noName = postJson("/api/datasets/jobs", Map.of("sentences", List.of("One sentence.")));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noName.body()).get("detail").asText()).contains("name");
        HttpResponse<String> longName = postJson("/api/datasets/jobs", Map.of("name", "n".repeat(100_000),
                "sentences", List.of("One sentence.")));
        assertThat(longName.statusCode()).isEqualTo(400);
        HttpResponse<String> tooMany = postJson("/api/datasets/jobs", Map.of("name", "Too many",
                "sentences", java.util.stream.IntStream.range(0, 5001).mapToObj(k -> "s" + k).toList()));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        for (HttpResponse<String> refused : List.of(unknownModel, noName, longName, tooMany)) {
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(getJson("/api/datasets").size()).isEqualTo(before);
    }

    @Test
    void anUnknownJobIsA404() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("/api/datasets/jobs/nope")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("detail").asText()).contains("nope");
    }
}

package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job starts as soon as its request has committed, not at the scheduler's next poll: with a poll a minute
 * apart, a small upload is done within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:dataset-job-start;DB_CLOSE_DELAY=-1",
        "simexplorer.scheduling.polling-interval=60s"})
class DatasetJobStartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aJobRunsWithoutWaitingForTheNextPoll() throws Exception {
        // let the scheduler's first poll, at its start, pass
        Thread.sleep(2000);
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/datasets/jobs")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"name\":\"prompt\",\"sentences\":[\"One.\",\"Two.\",\"Three.\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String statusUrl = JSON.readTree(started.body()).get("statusUrl").asText();
        long deadline = System.nanoTime() + 20_000_000_000L;
        String state = "";
        while (System.nanoTime() < deadline && !state.equals("DONE")) {
            Thread.sleep(50);
            JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + statusUrl)).build(), HttpResponse.BodyHandlers.ofString()).body());
            state = status.get("state").asText();
        }
        assertThat(state).as("done well before the next poll, 60 s after the first").isEqualTo("DONE");
    }
}

package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two packaged jars on one PostgreSQL (SIMEX_TEST_PG_URL, in a schema of their own): a 5,000-sentence upload runs
 * on whichever instance claims it; the other streams its progress over SSE from the database; the one running
 * it is killed with SIGKILL, and the other takes it over, resumes it from its committed cursor and finishes it
 * with every sentence, while the same stream goes on to "done". Prints the time from the kill to the takeover
 * and to the end as key=value lines.
 */
class TwoInstanceDatasetJobIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SENTENCES = 5000;

    @TempDir
    Path dataDir;

    private final String schema = "simex_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<AppProcess> apps = new ArrayList<>();
    private String url;

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, System.getenv("SIMEX_TEST_PG_USER"),
                System.getenv("SIMEX_TEST_PG_PASSWORD"));
    }

    private AppProcess start(String name) throws Exception {
        String separator = url.contains("?") ? "&" : "?";
        return AppProcess.start(dataDir.resolve(name), List.of("-Xmx1g"),
                "--spring.datasource.url=" + url + separator + "currentSchema=" + schema,
                "--spring.datasource.username=" + System.getenv("SIMEX_TEST_PG_USER"),
                "--spring.datasource.password=" + System.getenv("SIMEX_TEST_PG_PASSWORD"),
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--spring.flyway.schemas=" + schema,
                "--simexplorer.scheduling.instance-name=" + name,
                DatasetJobKillIT.QUICK_SCHEDULER[0], DatasetJobKillIT.QUICK_SCHEDULER[1]);
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        for (AppProcess app : apps) app.close();
        if (url == null) return;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void theOtherInstanceFinishesAnUploadWhoseInstanceWasKilledAndStreamsItsProgress() throws Exception {
        url = System.getenv("SIMEX_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("SIMEX_TEST_PG_URL is not set on CI.");
            Assumptions.abort("SIMEX_TEST_PG_URL is not set: skipping the two-instance test.");
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        // both start at once: Flyway's lock lets one migrate the schema while the other waits
        CompletableFuture<AppProcess> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return start("it-jobs-b");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        AppProcess first = start("it-jobs-a");
        apps.add(first);
        AppProcess second = starting.get(15, TimeUnit.MINUTES);
        apps.add(second);

        List<String> lines = new ArrayList<>();
        for (int k = 0; k < SENTENCES; k++) lines.add("Shared upload line " + k + " about mountain roads.");
        HttpResponse<String> started = first.http().send(HttpRequest.newBuilder(first.uri("/api/datasets/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("name", "Shared upload", "sentences", lines)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        String id = job.get("id").asText();

        String owner = awaitOwner(id);
        AppProcess running = owner.equals("it-jobs-a") ? first : second;
        AppProcess other = running == first ? second : first;
        String otherName = running == first ? "it-jobs-b" : "it-jobs-a";

        List<JsonNode> progress = new CopyOnWriteArrayList<>();
        List<String> names = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> stream = other.http().sendAsync(HttpRequest.newBuilder(
                other.uri(job.get("eventsUrl").asText())).header("Accept", "text/event-stream").GET().build(),
                lineCollector(names, progress));
        awaitUntil(() -> progress.stream().filter(p -> p.get("embedded").asInt() > 0).count() >= 2);
        assertThat(ownerAndCursor(id)[0]).as("the stream read from the instance that does not run the job")
                .isEqualTo(owner);

        int cursorAtKill = Integer.parseInt(ownerAndCursor(id)[1]);
        long killedAt = System.nanoTime();
        running.kill();
        assertThat(cursorAtKill).as("killed mid-upload").isLessThan(SENTENCES);

        JsonNode resumed = DatasetJobKillIT.awaitStatus(other, job.get("statusUrl").asText(),
                s -> s.get("resumes").asInt() >= 1);
        long resumedAt = System.nanoTime();
        stream.get(10, TimeUnit.MINUTES);
        long doneAt = System.nanoTime();

        assertThat(names).last().isEqualTo("done");
        JsonNode done = progress.get(progress.size() - 1);
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("embedded").asInt()).isEqualTo(SENTENCES);
        assertThat(progress).extracting(p -> p.get("embedded").asInt()).isSorted()
                .anyMatch(embedded -> embedded > cursorAtKill && embedded < SENTENCES);
        assertThat(resumed.get("embedded").asInt()).isGreaterThanOrEqualTo(cursorAtKill);
        assertThat(ownerAndCursor(id)[0]).isEqualTo(otherName);
        JsonNode dataset = DatasetJobKillIT.get(other, "/api/datasets/" + done.get("datasetId").asLong());
        List<String> stored = new ArrayList<>();
        dataset.get("sentences").forEach(sentence -> stored.add(sentence.asText()));
        assertThat(stored).as("exactly the uploaded sentences, in order").containsExactlyElementsOf(lines);

        System.out.println("bench.dataset_job.two_instances.sentences=" + SENTENCES);
        System.out.println("bench.dataset_job.two_instances.embedded_at_kill=" + cursorAtKill);
        System.out.println("bench.dataset_job.two_instances.kill_to_resumed_ms=" + (resumedAt - killedAt) / 1_000_000);
        System.out.println("bench.dataset_job.two_instances.kill_to_done_ms=" + (doneAt - killedAt) / 1_000_000);
    }

    /** Collects a stream's events: names, and the job status each carries. */
    private static HttpResponse.BodyHandler<Void> lineCollector(List<String> names, List<JsonNode> data) {
        return HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("event:")) names.add(line.substring(6).strip());
                else if (line.startsWith("data:")) data.add(JSON.readTree(line.substring(5).strip()));
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    private String awaitOwner(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            String[] row = ownerAndCursor(id);
            if (row[0] != null && Integer.parseInt(row[1]) > 0) return row[0];
            Thread.sleep(50);
        }
        throw new AssertionError("no instance claimed the job");
    }

    private String[] ownerAndCursor(String id) throws Exception {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT owner, embedded FROM " + schema + ".dataset_jobs WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new String[] {row.getString(1), Integer.toString(row.getInt(2))};
            }
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(50);
        }
    }
}

package org.simexplorer;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.simexplorer.system.PostgresTestDatabase;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Two packaged app processes, "a" and "b", on one PostgreSQL schema of their own, as two instances behind a load
 * balancer: for integration tests of what several instances share. Each has its own data folder and a 1 GB heap,
 * and requires a login, as behind a proxy: {@link #send} signs every request in with HTTP Basic as {@link #USER}.
 * {@link #kill(int)} stops one without a chance to clean up; {@link #close()} stops both and drops the schema.
 * Skipped (locally) or failed (CI) like the PostgreSQL data tests when SIMEX_TEST_PG_URL is not set.
 */
public final class TwoInstances implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    /** The one user both instances know. */
    public static final String USER = "instances";
    public static final String PASSWORD = UUID.randomUUID().toString();
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final PostgresTestDatabase database;
    private final List<AppProcess> apps = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    private TwoInstances(PostgresTestDatabase database) {
        this.database = database;
    }

    /** Starts both, one after the other so that one migrates the schema, and waits until both are ready. */
    public static TwoInstances start(String... extraArgs) throws IOException, InterruptedException {
        TwoInstances instances = new TwoInstances(PostgresTestDatabase.forProcesses());
        try {
            for (String name : List.of("a", "b")) instances.launch(name, extraArgs);
            for (AppProcess app : instances.apps) app.awaitReady();
            return instances;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            instances.close();
            throw e;
        }
    }

    private void launch(String name, String... extraArgs) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("simex-instance-" + name);
        dataDirs.add(dataDir);
        List<String> args = new ArrayList<>(database.arguments());
        args.add("--simexplorer.scheduling.instance-name=" + name);
        args.add("--simexplorer.security.require-login=true");
        args.add("--simexplorer.security.users=" + USER + ":" + BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)));
        args.addAll(List.of(extraArgs));
        apps.add(AppProcess.startServing(dataDir, List.of("-Xmx1g"), args.toArray(String[]::new)));
    }

    /** Instance 0 ("a") or 1 ("b"). */
    public AppProcess app(int index) {
        return apps.get(index);
    }

    public AppProcess a() {
        return app(0);
    }

    public AppProcess b() {
        return app(1);
    }

    /** A request signed in with HTTP Basic, with a JSON body (or none, for null), to one instance. */
    public static HttpResponse<String> send(AppProcess app, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", BASIC);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return app.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(AppProcess app, String path) throws IOException, InterruptedException {
        return send(app, "GET", path, null);
    }

    /** SIGKILL of one instance; the other keeps running. */
    public void kill(int index) throws InterruptedException {
        apps.get(index).kill();
    }

    /** The logs of both, for a failure message. */
    public String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        for (int k = 0; k < apps.size(); k++) logs.append("--- instance ").append(k).append('\n').append(app(k).tail());
        return logs.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (AppProcess app : apps) app.close();
        try {
            database.dropSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test schema", e);
        }
        for (Path dir : dataDirs) deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it in the end
        }
    }
}

package org.simexplorer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app (target/similarity-explorer-VERSION.jar) running as a separate process on a free port of
 * 127.0.0.1 with its own data folder, for integration tests that need a real process: one that can be killed.
 */
public final class AppProcess implements AutoCloseable {

    /** Generous: readiness includes the model load, and a machine shared with other builds can be very slow. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with the given data folder and waits until it is ready: its default model has loaded. */
    public static AppProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        return start(dataDir, List.of(), extraArgs);
    }

    /** As {@link #start(Path, String...)}, with JVM options (such as -Xmx1g) before -jar. */
    public static AppProcess start(Path dataDir, List<String> jvmOptions, String... extraArgs)
            throws IOException, InterruptedException {
        AppProcess app = launch(dataDir, jvmOptions, extraArgs);
        app.awaitOk("/actuator/health/readiness");
        return app;
    }

    /** Starts the jar and returns as soon as the home page answers: the default model may still be loading. */
    public static AppProcess startServing(Path dataDir) throws IOException, InterruptedException {
        AppProcess app = launch(dataDir, List.of());
        app.awaitOk("/");
        return app;
    }

    /**
     * Starts the jar and returns once it answers (the database is migrated; the model may still be loading).
     * Start the next instance on the same database then, and {@link #awaitReady()} each.
     */
    public static AppProcess startServing(Path dataDir, List<String> jvmOptions, String... extraArgs)
            throws IOException, InterruptedException {
        AppProcess app = launch(dataDir, jvmOptions, extraArgs);
        app.awaitOk("/actuator/health/liveness");
        return app;
    }

    /** Waits until the default model has loaded. */
    public void awaitReady() throws IOException, InterruptedException {
        awaitOk("/actuator/health/readiness");
    }

    private static AppProcess launch(Path dataDir, List<String> jvmOptions, String... extraArgs)
            throws IOException {
        Path jar = jar();
        int port = freePort();
        Path log = Paths.get("target", "app-process-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--simexplorer.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new AppProcess(process, port, log);
    }

    /** The jar named by the app.jar system property (set by failsafe), else the one in target/. */
    public static Path jar() throws IOException {
        String configured = System.getProperty("app.jar");
        if (configured != null && Files.isRegularFile(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath();
        }
        try (var files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("similarity-explorer-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No target/similarity-explorer-*.jar: run ./mvnw package first")).toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitOk(String path) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + " before it was"
                        + " ready:\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The app did not answer 200 on " + path + " within " + READY_TIMEOUT
                + ":\n" + tail());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpClient http() {
        return http;
    }

    /** The process's resident memory (VmRSS from /proc) in MB, or -1 where /proc is not available. */
    public long residentMegabytes() throws IOException {
        Path status = Paths.get("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) return -1;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
        return -1;
    }

    /** SIGKILL on Linux: the process gets no chance to flush or shut down. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A normal shutdown (SIGTERM); returns the exit code (143 after SIGTERM, or that of the kill after 30 s). */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        return process.exitValue();
    }

    /** Everything the app has logged so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}

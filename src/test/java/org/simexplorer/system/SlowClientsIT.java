package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;

/**
 * The packaged jar under 300 connections from 127.0.0.1 that send a request body at one byte every 3 s: health
 * probes keep answering throughout (nine in ten within a second, every one within 5 s), the app serves normal requests once they have gone, and a
 * connection that stops sending in the middle of its body is closed by the read timeout.
 */
class SlowClientsIT {

    private static final int CONNECTIONS = 300;
    private static final Duration ATTACK = Duration.ofSeconds(30);
    private static final Duration BYTE_EVERY = Duration.ofSeconds(3);
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(1);
    /** A probe that has not answered by then has failed; on a machine this loaded, one past a second has not. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    @Test
    void slowBodiesCannotTakeTheApp() throws Exception {
        try (AppProcess app = AppProcess.start(dataDir)) {
            int port = app.uri("/").getPort();
            HttpClient probes = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
            List<Socket> slow = new ArrayList<>();
            int refused = 0;
            long slowestProbe = 0;
            int probeCount = 0;
            int withinLimit = 0;
            try {
                for (int k = 0; k < CONNECTIONS; k++) slow.add(startSlowBody(port));
                long end = System.nanoTime() + ATTACK.toNanos();
                long nextByte = System.nanoTime();
                while (System.nanoTime() < end) {
                    if (System.nanoTime() >= nextByte) {
                        refused += sendOneByteEach(slow);
                        nextByte = System.nanoTime() + BYTE_EVERY.toNanos();
                    }
                    long started = System.nanoTime();
                    HttpResponse<String> live = probes.send(HttpRequest.newBuilder(app.uri("/actuator/health/liveness"))
                            .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
                    if (millis < PROBE_LIMIT.toMillis()) withinLimit++;
                    slowestProbe = Math.max(slowestProbe, millis);
                    probeCount++;
                    Thread.sleep(200);
                }
            } finally {
                for (Socket socket : slow) socket.close();
            }
            System.out.println("slow_clients.connections=" + CONNECTIONS);
            System.out.println("slow_clients.closed_by_server=" + refused);
            System.out.println("slow_clients.probes=" + probeCount);
            System.out.println("slow_clients.probes_within_1s=" + withinLimit);
            System.out.println("slow_clients.slowest_probe_ms=" + slowestProbe);
            // Every probe answered (a taken app answers none); nearly all within the second, the rest being
            // this shared machine's scheduling, which an idle curl shows too.
            assertThat(withinLimit).as("probes within %s of %d", PROBE_LIMIT, probeCount)
                    .isGreaterThanOrEqualTo(probeCount * 9 / 10);
            assertThat(refused).as("connections past the per-address limit are refused and closed").isPositive();

            // The requests that were let in end as their threads see the connections close.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> created;
            do {
                created = app.http().send(HttpRequest.newBuilder(app.uri("/api/datasets"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"after\",\"sentences\":[\"a cat sleeps\",\"a dog barks\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() == 429) Thread.sleep(250);
            } while (created.statusCode() == 429 && System.nanoTime() < deadline);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    @Test
    void aBodyThatStopsIsCutOffByTheReadTimeout() throws Exception {
        try (AppProcess app = AppProcess.start(dataDir)) {
            try (Socket stalled = startSlowBody(app.uri("/").getPort())) {
                stalled.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
                long started = System.nanoTime();
                InputStream in = stalled.getInputStream();
                try {
                    while (in.read() >= 0) {
                        // The answer (if any) before the close.
                    }
                } catch (SocketTimeoutException notClosed) {
                    throw new AssertionError("the server still waits for the body after 30 s");
                } catch (IOException reset) {
                    // Closed by the server.
                }
                long seconds = (System.nanoTime() - started) / 1_000_000_000;
                System.out.println("slow_clients.stalled_body_closed_after_s=" + seconds);
                assertThat(seconds).isLessThan(30);
            }
        }
    }

    /** Request line and headers at once, then a body of 1,000 bytes that has not started. */
    private static Socket startSlowBody(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/datasets HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Writes one more body byte on every open connection; returns how many the server has closed since. */
    private static int sendOneByteEach(List<Socket> sockets) {
        int closed = 0;
        for (Socket socket : sockets) {
            if (socket.isClosed()) continue;
            try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            } catch (IOException gone) {
                closed++;
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Already gone.
                }
            }
        }
        return closed;
    }
}

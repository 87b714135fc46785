package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simexplorer.AppProcess;

/**
 * SIGTERM (what Ctrl-C, systemd and Docker send) right after the port opens, while the default model is still
 * loading: the app stops cleanly with exit code 143. Before StopOnSignal, ONNX Runtime's own shutdown hook freed
 * its environment under the loading model and the JVM crashed (exit 134, "A fatal error has been detected").
 */
class StopDuringModelLoadIT {

    private static final int LAUNCHES = 2;

    @TempDir
    Path dataDir;

    @Test
    void aStopWhileTheDefaultModelLoadsEndsCleanly() throws Exception {
        int stoppedWhileLoading = 0;
        for (int launch = 0; launch < LAUNCHES; launch++) {
            try (AppProcess app = AppProcess.startServing(dataDir)) {
                HttpResponse<String> readiness = app.http().send(HttpRequest.newBuilder(
                        app.uri("/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 503) stoppedWhileLoading++;
                int exit = app.stop();
                assertThat(app.log()).as("launch %d", launch).doesNotContain("A fatal error has been detected");
                assertThat(exit).as("exit code of launch %d:\n%s", launch, app.tail()).isEqualTo(143);
            }
        }
        // The load takes a second or more after the port opens; a stop that came after it proves nothing here.
        assertThat(stoppedWhileLoading).as("launches stopped while the model was loading").isPositive();
    }
}

package org.simexplorer.system;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops the app on SIGTERM and SIGINT (Ctrl-C) by closing the Spring context first and only then exiting the JVM.
 *
 * <p>On its own, the JVM starts every shutdown hook at once, and ONNX Runtime registers one that frees its native
 * environment. A stop during the default model's load (the first seconds after the port opens) then crashed the
 * JVM inside libonnxruntime (exit 134, an hs_err file): the hook freed the environment under the session being
 * built. Closing the context first lets that load end and every model close (see embedding.LoadedModels) while
 * the environment still exists; in-flight requests end as in any graceful shutdown. The exit code stays the
 * JVM's: 128 + the signal's number.
 */
@Component
class StopOnSignal {

    private static final Logger log = LoggerFactory.getLogger(StopOnSignal.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final ConfigurableApplicationContext context;
    private final Map<Signal, SignalHandler> replaced = new HashMap<>();

    StopOnSignal(ConfigurableApplicationContext context) {
        this.context = context;
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                replaced.put(signal, Signal.handle(signal, this::stop));
            } catch (IllegalArgumentException unavailable) {
                // No such signal here, or the JVM runs with -Xrs: the JVM's own handling stays.
                log.debug("Cannot handle SIG{}: {}", name, unavailable.getMessage());
            }
        }
    }

    /**
     * On a thread of its own that is not a daemon: once the context has stopped the web server, no other thread
     * would keep the JVM alive, and it would end with 0 before the exit code is set.
     */
    private void stop(Signal signal) {
        log.info("SIG{} received: stopping", signal.getName());
        Thread stopping = new Thread(() -> {
            try {
                context.close();
            } finally {
                System.exit(128 + signal.getNumber());
            }
        }, "stop-on-signal");
        stopping.setDaemon(false);
        stopping.start();
    }

    /** Gives the signals back to the handlers they had, when this context closes for another reason (tests). */
    @PreDestroy
    void restore() {
        replaced.forEach(Signal::handle);
    }
}

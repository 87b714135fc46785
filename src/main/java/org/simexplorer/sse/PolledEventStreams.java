package org.simexplorer.sse;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.simexplorer.sse.EventStreams.Event;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Streams of work whose state lives in the database, so that any instance can follow work that another one runs:
 * the state is read every {@code simexplorer.sse.poll-interval}; a {@code progress} event goes out whenever it
 * changed, and once the work has ended a last {@code progress} and one {@code end}, then the stream closes.
 */
@Component
public class PolledEventStreams implements DisposableBean {

    /** One reading of the work: its state as sent, and whether it has ended. */
    public record Reading(Object state, boolean ended) {
    }

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-stream-polling");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration interval;

    PolledEventStreams(@Value("${simexplorer.sse.poll-interval:500ms}") Duration interval) {
        this.interval = interval;
    }

    /** A stream that follows the work that {@code read} describes, starting with its state now. */
    public ResponseBodyEmitter follow(Supplier<Reading> read) {
        Reading now = read.get();
        if (now.ended()) {
            return EventStreams.ended(Duration.ZERO, new Event("progress", now.state()), new Event("end", now.state()));
        }
        EventStreams streams = new EventStreams(Duration.ZERO);
        ResponseBodyEmitter emitter = streams.open(new Event("progress", now.state()));
        AtomicReference<Object> last = new AtomicReference<>(now.state());
        AtomicReference<ScheduledFuture<?>> polling = new AtomicReference<>();
        polling.set(poller.scheduleWithFixedDelay(() -> {
            try {
                Reading reading = read.get();
                if (reading.ended()) {
                    streams.endAll(new Event("progress", reading.state()), new Event("end", reading.state()));
                } else if (!Objects.equals(reading.state(), last.getAndSet(reading.state()))) {
                    streams.sendAll("progress", reading.state());
                }
                if (reading.ended() || streams.isEmpty()) polling.get().cancel(false);
            } catch (RuntimeException failed) {
                streams.endAll();
                polling.get().cancel(false);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}

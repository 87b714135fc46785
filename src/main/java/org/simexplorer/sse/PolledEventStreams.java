package org.simexplorer.sse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.simexplorer.sse.EventStreams.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Event streams that follow work whose state is stored in the database, so that any instance can stream work
 * that another one runs: each followed piece of work is read on one shared thread at a fixed interval, its
 * streams get an event whenever the reading changes, and the last reading ends them. The streams of one piece
 * of work share its reads.
 */
@Component
public class PolledEventStreams implements DisposableBean {

    /**
     * What a read found: the event to send, whether it is the work's last, and the events that follow the last
     * one before the stream closes (a closing {@code end}, for example).
     */
    public record Reading(Event event, boolean last, List<Event> closing) {

        public Reading(Event event, boolean last) {
            this(event, last, List.of());
        }

        Event[] lastEvents() {
            List<Event> all = new ArrayList<>();
            all.add(event);
            all.addAll(closing);
            return all.toArray(Event[]::new);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PolledEventStreams.class);

    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final long intervalMs;

    PolledEventStreams(@Value("${simexplorer.events.poll-interval:300ms}") Duration interval) {
        this.intervalMs = Math.max(10, interval.toMillis());
    }

    /**
     * A stream of the work {@code key}: the reading now (read in the caller's thread, so that a missing piece of
     * work fails the request), then every changed reading until the last, or until {@code timeout}.
     */
    public SseEmitter follow(String key, Duration timeout, Supplier<Reading> read) {
        Reading now = read.get();
        if (now.last()) return EventStreams.ended(timeout, now.lastEvents());
        while (true) {
            Followed work = followed.computeIfAbsent(key, k -> new Followed(k, timeout, read));
            synchronized (work) {
                if (work.closed) continue;
                work.deadline = Math.max(work.deadline, System.currentTimeMillis() + timeout.toMillis());
                if (work.last == null) work.last = now.event();
                return work.streams.open(now.event());
            }
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }

    private final class Followed {
        final String key;
        final EventStreams streams;
        final Supplier<Reading> read;
        final ScheduledFuture<?> polling;
        Event last;
        long deadline;
        boolean closed;

        Followed(String key, Duration timeout, Supplier<Reading> read) {
            this.key = key;
            this.streams = new EventStreams(timeout);
            this.read = read;
            this.deadline = System.currentTimeMillis() + timeout.toMillis();
            this.polling = poller.scheduleWithFixedDelay(this::poll, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }

        private void poll() {
            Reading reading;
            try {
                reading = read.get();
            } catch (RuntimeException e) {
                log.warn("Could not read {} for its event streams; they end.", key, e);
                close();
                return;
            }
            synchronized (this) {
                if (closed) return;
                if (!Objects.equals(reading.event(), last)) {
                    last = reading.event();
                    if (reading.last()) {
                        streams.endAll(reading.lastEvents());
                        close();
                        return;
                    }
                    streams.sendAll(reading.event().name(), reading.event().data());
                }
                if (System.currentTimeMillis() > deadline) close();
            }
        }

        private synchronized void close() {
            if (closed) return;
            closed = true;
            polling.cancel(false);
            followed.remove(key, this);
            streams.endAll();
        }
    }
}

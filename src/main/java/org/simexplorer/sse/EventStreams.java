package org.simexplorer.sse;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams that follow one piece of work (a dataset job, a training). A stream whose
 * client went away is dropped quietly: the work goes on and its state stays readable.
 */
public final class EventStreams {

    /** One event: its name and the value sent as its JSON data. */
    public record Event(String name, Object data) {
    }

    private final List<SseEmitter> open = new CopyOnWriteArrayList<>();
    private final long timeoutMs;

    /** {@code timeout} zero keeps each stream open until the work ends. */
    public EventStreams(Duration timeout) {
        this.timeoutMs = timeout.toMillis();
    }

    /** A new stream that follows the work, starting with {@code first}. */
    public SseEmitter open(Event... first) {
        SseEmitter emitter = new SseEmitter(timeoutMs);
        open.add(emitter);
        Runnable drop = () -> open.remove(emitter);
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(error -> drop.run());
        for (Event event : first) send(emitter, event);
        return emitter;
    }

    /** True when no stream is open: every client went away, or each stream was ended. */
    public boolean isEmpty() {
        return open.isEmpty();
    }

    /** Sends one event to every open stream. */
    public void sendAll(String name, Object data) {
        Event event = new Event(name, data);
        for (SseEmitter emitter : open) send(emitter, event);
    }

    /** Sends the last events to every open stream and closes each. */
    public void endAll(Event... last) {
        for (SseEmitter emitter : open) end(emitter, last);
    }

    /**
     * Sends the last events to this stream and closes it, if it is still open here; false when another end has
     * taken it already, so that each stream gets its end once.
     */
    public boolean end(SseEmitter emitter, Event... last) {
        if (!open.remove(emitter)) return false;
        for (Event event : last) send(emitter, event);
        emitter.complete();
        return true;
    }

    /** The stream of work that has ended: these events at once, then the stream closes. */
    public static SseEmitter ended(Duration timeout, Event... events) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        try {
            for (Event event : events) emitter.send(SseEmitter.event().name(event.name()).data(event.data()));
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
        return emitter;
    }

    private void send(SseEmitter emitter, Event event) {
        try {
            emitter.send(SseEmitter.event().name(event.name()).data(event.data()));
        } catch (IOException | IllegalStateException gone) {
            open.remove(emitter);
        }
    }
}

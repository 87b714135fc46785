package org.simexplorer.training;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.simexplorer.sse.EventStreams;
import org.simexplorer.sse.EventStreams.Event;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The trainings of this process that have not ended: their cancel flag, the curve so far (ahead of the database,
 * which is written at most once a second) and the event streams that follow them.
 */
@Component
class LiveTrainings {

    /** One training between submission and its end. */
    static final class Live {
        volatile boolean cancelled;
        volatile int step;
        volatile int bestStep;
        volatile List<CurvePoint> curve = List.of();
        volatile Map<String, Object> before;
        volatile TrainingJobs.Job job;
        final EventStreams streams = new EventStreams(Duration.ZERO);
    }

    private final Map<Long, Live> live = new ConcurrentHashMap<>();

    Live open(long id) {
        Live training = new Live();
        live.put(id, training);
        return training;
    }

    Live find(long id) {
        return live.get(id);
    }

    /**
     * A stream for the adapter's events, starting with its state now; null when the training has already ended
     * (the caller ends it).
     */
    SseEmitter follow(long id, Object now) {
        Live training = live.get(id);
        if (training == null) return null;
        return training.streams.open(new Event("progress", now));
    }

    /** The stream of an adapter whose training has ended: its last state and the end at once. */
    static SseEmitter ended(Object last) {
        return EventStreams.ended(Duration.ZERO, new Event("progress", last), new Event("end", last));
    }

    void progress(long id, Object view) {
        Live training = live.get(id);
        if (training == null) return;
        training.streams.sendAll("progress", view);
    }

    /** Sends the last progress and the end event, closes every stream and forgets the training. */
    void end(long id, Object view) {
        Live training = live.remove(id);
        if (training == null) return;
        training.streams.endAll(new Event("progress", view), new Event("end", view));
    }
}

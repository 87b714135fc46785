package org.simexplorer.training;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
        final List<SseEmitter> streams = new CopyOnWriteArrayList<>();
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

    /** A stream for the adapter's events; null when the training has already ended (the caller ends it). */
    SseEmitter follow(long id) {
        Live training = live.get(id);
        if (training == null) return null;
        SseEmitter emitter = new SseEmitter(0L);
        training.streams.add(emitter);
        emitter.onCompletion(() -> training.streams.remove(emitter));
        emitter.onTimeout(() -> training.streams.remove(emitter));
        emitter.onError(error -> training.streams.remove(emitter));
        return emitter;
    }

    void progress(long id, Object view) {
        Live training = live.get(id);
        if (training == null) return;
        for (SseEmitter emitter : training.streams) send(training, emitter, "progress", view);
    }

    /** Sends the last progress and the end event, closes every stream and forgets the training. */
    void end(long id, Object view) {
        Live training = live.remove(id);
        if (training == null) return;
        for (SseEmitter emitter : training.streams) {
            send(training, emitter, "progress", view);
            send(training, emitter, "end", view);
            emitter.complete();
        }
    }

    static void send(Live training, SseEmitter emitter, String event, Object view) {
        try {
            emitter.send(SseEmitter.event().name(event).data(view));
        } catch (IOException | IllegalStateException gone) {
            // The client went away; the training goes on.
            if (training != null) training.streams.remove(emitter);
        }
    }
}

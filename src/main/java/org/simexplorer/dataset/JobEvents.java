package org.simexplorer.dataset;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams of one dataset job: "progress" while it runs, then "done", or "failed" for a job that
 * failed, was cancelled or was interrupted; each event carries the job's status.
 */
final class JobEvents {

    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();
    private volatile DatasetJobs.Status end;

    /** A stream that starts with the job's status now. */
    SseEmitter subscribe(DatasetJobs.Status now) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        listeners.add(emitter);
        Runnable drop = () -> listeners.remove(emitter);
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(error -> drop.run());
        send(emitter, "progress", now);
        DatasetJobs.Status ended = end;
        if (ended != null && listeners.remove(emitter)) {
            // the job ended while this stream was being opened
            send(emitter, endName(ended), ended);
            emitter.complete();
        }
        return emitter;
    }

    /** The stream of a job that has ended: its end at once. */
    static SseEmitter finished(DatasetJobs.Status status) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        try {
            emitter.send(SseEmitter.event().name(status.state().finished() ? endName(status) : "progress")
                    .data(status));
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
        return emitter;
    }

    void progress(DatasetJobs.Status status) {
        for (SseEmitter emitter : listeners) send(emitter, "progress", status);
    }

    void finish(DatasetJobs.Status status) {
        end = status;
        for (SseEmitter emitter : listeners) {
            if (!listeners.remove(emitter)) continue;
            send(emitter, endName(status), status);
            emitter.complete();
        }
    }

    private static String endName(DatasetJobs.Status status) {
        return status.state() == JobState.DONE ? "done" : "failed";
    }

    private void send(SseEmitter emitter, String event, DatasetJobs.Status status) {
        try {
            emitter.send(SseEmitter.event().name(event).data(status));
        } catch (IOException | IllegalStateException gone) {
            // the page went away; the job goes on and its status stays readable
            listeners.remove(emitter);
        }
    }
}

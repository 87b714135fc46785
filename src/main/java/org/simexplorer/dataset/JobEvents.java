package org.simexplorer.dataset;

import java.time.Duration;
import org.simexplorer.sse.EventStreams;
import org.simexplorer.sse.EventStreams.Event;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams of one dataset job: "progress" while it runs, then "done", or "failed" for a job that
 * failed, was cancelled or was interrupted; each event carries the job's status.
 */
final class JobEvents {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final EventStreams streams = new EventStreams(TIMEOUT);
    private volatile DatasetJobs.Status end;

    /** A stream that starts with the job's status now. */
    SseEmitter subscribe(DatasetJobs.Status now) {
        SseEmitter emitter = streams.open(new Event("progress", now));
        DatasetJobs.Status ended = end;
        // the job ended while this stream was being opened
        if (ended != null) streams.end(emitter, endOf(ended));
        return emitter;
    }

    /** The stream of a job that has ended: its end at once. */
    static SseEmitter finished(DatasetJobs.Status status) {
        return EventStreams.ended(TIMEOUT, status.state().finished() ? endOf(status) : new Event("progress", status));
    }

    void progress(DatasetJobs.Status status) {
        streams.sendAll("progress", status);
    }

    void finish(DatasetJobs.Status status) {
        end = status;
        streams.endAll(endOf(status));
    }

    private static Event endOf(DatasetJobs.Status status) {
        return new Event(status.state() == JobState.DONE ? "done" : "failed", status);
    }
}

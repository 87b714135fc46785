package org.simexplorer.training;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class AdapterController {

    private final AdapterService adapters;
    private final LiveTrainings live;

    AdapterController(AdapterService adapters, LiveTrainings live) {
        this.adapters = adapters;
        this.live = live;
    }

    /** Starts a training in the background: 202 with the queued adapter and its Location. */
    @PostMapping("/api/datasets/{id}/adapters")
    ResponseEntity<Map<String, Object>> create(@PathVariable long id, @RequestBody AdapterRequest request) {
        AdapterService.Created created = adapters.create(id, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/adapters/" + created.adapter().id())).body(created.view());
    }

    @GetMapping("/api/datasets/{id}/adapters")
    List<Map<String, Object>> list(@PathVariable long id) {
        return adapters.list(id);
    }

    @GetMapping("/api/adapters/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return adapters.view(id);
    }

    /**
     * Server-Sent Events: a {@code progress} event with the whole adapter at each curve point, then one
     * {@code end} event, then the stream closes. An adapter that has ended gets its last state and the end at once.
     */
    @GetMapping(path = "/api/adapters/{id}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable long id) {
        Map<String, Object> now = adapters.view(id);
        SseEmitter following = live.follow(id);
        if (following != null) {
            LiveTrainings.send(null, following, "progress", now);
            return following;
        }
        SseEmitter ended = new SseEmitter(0L);
        Map<String, Object> last = adapters.view(id);
        LiveTrainings.send(null, ended, "progress", last);
        LiveTrainings.send(null, ended, "end", last);
        ended.complete();
        return ended;
    }

    /** Cancels a queued or running training, or deletes an ended adapter (409 while a dataset uses it). */
    @DeleteMapping("/api/adapters/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        adapters.delete(id);
        return ResponseEntity.noContent().build();
    }
}

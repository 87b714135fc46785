package org.simexplorer.training;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.sse.EventStreams.Event;
import org.simexplorer.sse.PolledEventStreams;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

@RestController
@Tag(name = "Adapters")
class AdapterController {

    /** A stream closes after this long; the browser's EventSource then reconnects and gets the state again. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final AdapterService adapters;
    private final PolledEventStreams streams;

    AdapterController(AdapterService adapters, PolledEventStreams streams) {
        this.adapters = adapters;
        this.streams = streams;
    }

    /** Starts a training in the background: 202 with the queued adapter and its Location. */
    @Operation(summary = "Train an adapter on the dataset's labels in the background (202, with its Location)")
    @ApiResponse(responseCode = "202", description = "Queued; Location names the adapter, whose events follow it")
    @ProblemResponses({400, 404, 409, 422, 503})
    @PostMapping("/api/datasets/{id}/adapters")
    ResponseEntity<AdapterView> create(@PathVariable long id, @RequestBody AdapterRequest request) {
        AdapterService.Created created = adapters.create(id, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/adapters/" + created.adapter().id())).body(created.view());
    }

    @Operation(summary = "The dataset's adapters, trained, training or failed, oldest first")
    @ProblemResponses({400, 404})
    @GetMapping("/api/datasets/{id}/adapters")
    List<AdapterView> list(@PathVariable long id) {
        return adapters.list(id);
    }

    @Operation(summary = "An adapter: its settings, status, training curve and before/after metrics")
    @ProblemResponses({400, 404})
    @GetMapping("/api/adapters/{id}")
    AdapterView get(@PathVariable long id) {
        return adapters.view(id);
    }

    /**
     * Server-Sent Events: a {@code progress} event with the whole adapter whenever its stored progress changed,
     * then one {@code end} event, then the stream closes. An adapter that has ended gets its last state and the end
     * at once. Read from the database, so any instance answers for a training that any instance runs.
     */
    @Operation(summary = "Server-Sent Events: progress at each curve point, then end; then the stream closes")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/event-stream", schema = @Schema(
            type = "string", description = "event: progress / event: end, each with the adapter as JSON data")))
    @ProblemResponses({400, 404})
    @GetMapping(path = "/api/adapters/{id}/events", produces = "text/event-stream")
    ResponseBodyEmitter events(@PathVariable long id) {
        adapters.view(id);
        return streams.follow("adapter-" + id, STREAM_TIMEOUT, () -> {
            AdapterView now = adapters.view(id);
            boolean ended = !"queued".equals(now.status()) && !"running".equals(now.status());
            Event progress = new Event("progress", now);
            return ended ? new PolledEventStreams.Reading(progress, true, List.of(new Event("end", now)))
                    : new PolledEventStreams.Reading(progress, false);
        });
    }

    /** adapter.safetensors (W as linear.weight, K×D) and load_adapter.py, for sentence-transformers. */
    @Operation(summary = "A finished adapter for sentence-transformers: a zip of adapter.safetensors (W as"
            + " linear.weight, K×D) and load_adapter.py")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip", schema = @Schema(
            type = "string", format = "binary", description = "adapter.safetensors and load_adapter.py")))
    @ProblemResponses({400, 404, 409})
    @GetMapping("/api/adapters/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        AdapterService.Bundle bundle = adapters.bundle(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(bundle.fileName()).build().toString())
                .body(bundle.zip());
    }

    /** Cancels a queued or running training, or deletes an ended adapter (409 while a dataset uses it). */
    @Operation(summary = "Cancel a queued or running training, or delete an ended adapter")
    @ApiResponse(responseCode = "204", description = "Cancelled or deleted")
    @ProblemResponses({400, 404, 409})
    @DeleteMapping("/api/adapters/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        adapters.delete(id);
        return ResponseEntity.noContent().build();
    }
}

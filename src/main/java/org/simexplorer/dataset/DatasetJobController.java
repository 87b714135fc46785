package org.simexplorer.dataset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.TextLine;
import org.simexplorer.formats.UploadParser;
import org.simexplorer.sse.PolledEventStreams;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Asynchronous dataset creation: POST /api/datasets/jobs answers 202 with a status URL and an event stream of
 * the embedding's progress. The input is read and checked before the 202, so malformed input is still a 400 and
 * too many sentences a 413. The job stores its work in chunks and any instance may run or resume it (see
 * {@link DatasetJobs}); its status and event stream are read from its row, so any instance answers them.
 * POST /api/datasets (201) still creates a dataset in one transaction.
 */
@RestController
@RequestMapping("/api/datasets/jobs")
@Tag(name = "Datasets")
class DatasetJobController {

    private static final Duration EVENTS_TIMEOUT = Duration.ofMinutes(30);

    private final DatasetService datasets;
    private final DatasetJobs jobs;
    private final SentenceInputs inputs;
    private final PolledEventStreams events;

    DatasetJobController(DatasetService datasets, DatasetJobs jobs, SentenceInputs inputs,
            PolledEventStreams events) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.inputs = inputs;
        this.events = events;
    }

    /** As POST /api/datasets with JSON: {"name", "sentences": [...], "model"}. */
    @Operation(summary = "Start creating a dataset in the background, from a list of sentences",
            description = "Answers 202 with the job's status URL; the job ends as POST /api/datasets would.")
    @ApiResponse(responseCode = "202", description = "Started; Location is the job's status URL")
    @ProblemResponses({400, 404, 413})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DatasetJobs.Status> startFromJson(@RequestBody DatasetController.CreateRequest request) {
        List<TextLine> sentences = inputs.fromJson(request.sentences());
        return start(datasets.prepare(request.name(), request.model(), sentences, List.of(), 0));
    }

    /** The home page's form: name, model, and either pasted sentences (one a line) or a file. */
    @Operation(summary = "Start creating a dataset in the background, from pasted sentences or a file")
    @ApiResponse(responseCode = "202", description = "Started; Location is the job's status URL")
    @ProblemResponses({400, 404, 413})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetJobs.Status> startFromForm(
            @Parameter(description = "the dataset's name; the file's name when a file is given and this is empty")
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String model,
            @Parameter(description = "pasted sentences, one a line; used when no file is given")
            @RequestParam(defaultValue = "") String sentences,
            @RequestPart(required = false) MultipartFile file, @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "2.5") double threshold) {
        if (file != null && !file.isEmpty()) {
            ParsedUpload upload = inputs.fromFile(file, format);
            String datasetName = name.isBlank() ? file.getOriginalFilename() : name;
            return start(datasets.prepare(datasetName, model, upload.sentences(), upload.pairs(),
                    threshold));
        }
        List<TextLine> lines = UploadParser.textLines(sentences);
        if (lines.isEmpty()) {
            throw new InvalidInputException("Paste at least one sentence or choose a file.");
        }
        if (name.isBlank()) {
            throw new InvalidInputException("name", "Give the dataset a name.");
        }
        return start(datasets.prepare(name, model, lines, List.of(), threshold));
    }

    @Operation(summary = "Dataset jobs queued or running, and failed or interrupted ones not dismissed")
    @GetMapping
    List<DatasetJobs.Status> unfinished() {
        return jobs.unfinished();
    }

    @Operation(summary = "Dismiss a job: a running one is cancelled, and an unfinished one's dataset deleted")
    @ApiResponse(responseCode = "204", description = "Dismissed")
    @ProblemResponses(404)
    @DeleteMapping("/{jobId}")
    ResponseEntity<Void> dismiss(@PathVariable String jobId) {
        jobs.dismiss(jobId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Where a dataset creation job stands",
            description = "Its stored state, from any instance; a job whose instance stopped is resumed from its"
                    + " last committed chunk (resumes counts how often, resuming is true while it waits for that)")
    @ProblemResponses(404)
    @GetMapping("/{jobId}")
    DatasetJobs.Status status(@PathVariable String jobId) {
        return jobs.status(jobId);
    }

    @Operation(summary = "The job's progress as Server-Sent Events, until it ends")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(type = "string", description = "events carrying the job's status as JSON")))
    @ProblemResponses(404)
    @GetMapping(path = "/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String jobId) {
        return events.follow("dataset-job:" + jobId, EVENTS_TIMEOUT, () -> jobs.reading(jobId));
    }

    /** Starts a checked create; its model is checked here because the job embeds only after the 202. */
    private ResponseEntity<DatasetJobs.Status> start(DatasetService.Prepared prepared) {
        datasets.requireKnownModel(prepared.model());
        return accepted(jobs.start(prepared));
    }

    private static ResponseEntity<DatasetJobs.Status> accepted(DatasetJobs.Status status) {
        return ResponseEntity.accepted().location(URI.create(status.statusUrl())).body(status);
    }
}

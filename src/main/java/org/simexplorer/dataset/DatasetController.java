package org.simexplorer.dataset;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.TextLine;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/datasets")
@Tag(name = "Datasets")
class DatasetController {

    private static final String FORMAT = "txt, csv, tsv or jsonl; taken from the file name when absent";

    private final DatasetService datasets;
    private final DatasetViews views;
    private final SentenceInputs inputs;
    private final DatasetAnswers answers;

    DatasetController(DatasetService datasets, DatasetViews views, SentenceInputs inputs, DatasetAnswers answers) {
        this.datasets = datasets;
        this.views = views;
        this.inputs = inputs;
        this.answers = answers;
    }

    record CreateRequest(@Schema(requiredMode = REQUIRED) String name,
            @ArraySchema(schema = @Schema(implementation = String.class), arraySchema = @Schema(requiredMode = REQUIRED))
            List<Object> sentences,
            @Schema(description = "a catalogue id; the default model when absent") String model) {
    }

    record AppendRequest(@ArraySchema(schema = @Schema(implementation = String.class), arraySchema = @Schema(requiredMode = REQUIRED))
            List<Object> sentences) {
    }

    @Operation(summary = "Create a dataset from a list of sentences",
            description = "Embeds them before it saves anything, so a refused request saves nothing.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the dataset")
    @ProblemResponses({400, 404, 413, 503})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DatasetViews.Changed> createFromJson(@RequestBody CreateRequest request) {
        List<TextLine> sentences = inputs.fromJson(request.sentences());
        DatasetService.Change change = datasets.create(request.name(), request.model(), sentences, List.of(), 0);
        return created(change);
    }

    @Operation(summary = "Create a dataset from an uploaded file",
            description = "txt (a sentence a line), CSV, TSV or JSONL; pair files (sentence1, sentence2, label or"
                    + " score) also set labels.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the dataset")
    @ProblemResponses({400, 404, 413, 503})
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetViews.Changed> createFromUpload(
            @Parameter(description = "the file's name when absent") @RequestParam(required = false) String name,
            @RequestPart("file") MultipartFile file, @RequestParam(required = false) String model,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "2.5") double threshold) {
        ParsedUpload upload = inputs.fromFile(file, format);
        String datasetName = name != null && !name.isBlank() ? name : file.getOriginalFilename();
        DatasetService.Change change = datasets.create(datasetName, model, upload.sentences(), upload.pairs(),
                threshold);
        return created(change);
    }

    @Operation(summary = "Every dataset, with its counts")
    @GetMapping
    List<DatasetViews.Summary> list() {
        return views.summaries();
    }

    @Operation(summary = "A dataset with its sentences and counts")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}")
    ResponseEntity<DatasetViews.View> get(@PathVariable long id, WebRequest request, HttpServletResponse response)
            throws IOException {
        // The answer is fixed by its version (sentences are only appended), so a browser that holds it gets a 304
        // before the sentences are read, and a browser that does not gets the bytes made for that version.
        String version = views.version(id);
        if (request.checkNotModified(version)) return null;
        String encodings = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (encodings != null && encodings.contains("gzip")) {
            byte[] body = answers.gzipped(id, version);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            response.setHeader(HttpHeaders.ETAG, "\"" + version + "\"");
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(version)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).body(views.view(id));
    }

    @Operation(summary = "Delete a dataset with its labels")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ProblemResponses({400, 404})
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        datasets.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Append sentences; those the dataset already has are reported and skipped")
    @ProblemResponses({400, 404, 413, 503})
    @PostMapping(path = "/{id}/sentences", consumes = MediaType.APPLICATION_JSON_VALUE)
    DatasetViews.Changed appendFromJson(@PathVariable long id, @RequestBody AppendRequest request) {
        return views.changed(datasets.append(id, inputs.fromJson(request.sentences()), List.of(), 0));
    }

    @Operation(summary = "Append sentences (and pair labels) from an uploaded file")
    @ProblemResponses({400, 404, 413, 503})
    @PostMapping(path = "/{id}/sentences", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DatasetViews.Changed appendFromUpload(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @Parameter(description = FORMAT) @RequestParam(required = false) String format, @RequestParam(defaultValue = "2.5") double threshold) {
        datasets.get(id);
        ParsedUpload upload = inputs.fromFile(file, format);
        return views.changed(datasets.append(id, upload.sentences(), upload.pairs(), threshold));
    }

    private ResponseEntity<DatasetViews.Changed> created(DatasetService.Change change) {
        long id = change.dataset().id();
        return ResponseEntity.created(URI.create("/api/datasets/" + id)).body(views.changed(change));
    }
}

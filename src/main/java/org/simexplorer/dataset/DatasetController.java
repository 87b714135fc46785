package org.simexplorer.dataset;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.errors.InvalidInputException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.TextLine;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.limits.RequestLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/datasets")
@Tag(name = "Datasets")
class DatasetController {

    static final MediaType INT16_MATRIX = MediaType.APPLICATION_OCTET_STREAM;
    private static final String FORMAT = "txt, csv, tsv or jsonl; taken from the file name when absent";
    private static final String INT16_LAYOUT = "uint32 LE N, N int32 LE order indices, then N×N int16 LE"
            + " round(S·10000), rows and columns in that order";
    private static final String ORDER = "input keeps the sentences' order; cluster groups similar ones";
    private static final String MODEL = "another catalogue model or an adapter (<base>:<name>);"
            + " the dataset's own by default";

    private final DatasetService datasets;
    private final DatasetViews views;
    private final DatasetSimilarity similarity;
    private final SentenceInputs inputs;
    private final RequestLimits requestLimits;

    DatasetController(DatasetService datasets, DatasetViews views, DatasetSimilarity similarity,
            SentenceInputs inputs, RequestLimits requestLimits) {
        this.requestLimits = requestLimits;
        this.datasets = datasets;
        this.views = views;
        this.similarity = similarity;
        this.inputs = inputs;
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
    DatasetViews.View get(@PathVariable long id) {
        return views.view(id);
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

    /**
     * The matrix as JSON: {"model","order","matrix"}; up to simexplorer.limits.max-json-matrix sentences, above
     * that a 406 problem detail pointing to format=int16 (JSON costs about 14 bytes a cell: 29 MB at N = 2,000).
     * ?model= shows the sentences under another model (a catalogue model or an adapter).
     */
    @Operation(summary = "The dataset's cosine matrix: JSON, or compact int16 with Accept: application/octet-stream")
    @ProblemResponses({400, 404, 406, 503})
    @GetMapping(path = "/{id}/similarity", produces = MediaType.APPLICATION_JSON_VALUE)
    MatrixJson similarityJson(@PathVariable long id, @Parameter(description = ORDER, schema = @Schema(
            allowableValues = {"input", "cluster"})) @RequestParam(defaultValue = "input") String order,
            @Parameter(description = MODEL) @RequestParam(required = false) String model) {
        boolean cluster = clusterOrder(order);
        checkJsonMatrixSize(id);
        return similarity.render(id, model, cluster, (matrix, permutation) -> {
            int n = permutation.length;
            float[][] rows = new float[n][n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) rows[r][c] = matrix.at(permutation[r], permutation[c]);
            }
            return new MatrixJson(matrix.model(), permutation, rows);
        });
    }

    /**
     * The compact form the browser reads: uint32 LE N, N int32 LE order indices, then N×N int16 LE
     * round(S·10000) with rows and columns in that order.
     */
    @Operation(summary = "The dataset's cosine matrix: JSON, or compact int16 with Accept: application/octet-stream")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = "string", format = "binary", description = INT16_LAYOUT)))
    @ProblemResponses({400, 404, 503})
    @GetMapping(path = "/{id}/similarity", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> similarityInt16(@PathVariable long id, @Parameter(description = ORDER, schema = @Schema(
            allowableValues = {"input", "cluster"})) @RequestParam(defaultValue = "input") String order,
            @Parameter(description = MODEL) @RequestParam(required = false) String model) {
        boolean cluster = clusterOrder(order);
        return ResponseEntity.ok().contentType(INT16_MATRIX).body(similarity.render(id, model, cluster,
                DatasetController::int16));
    }

    /** ?format=json or ?format=int16 chooses the form whatever the Accept header says. */
    @Operation(summary = "The dataset's cosine matrix: JSON, or compact int16 with Accept: application/octet-stream")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = MatrixJson.class)),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary",
                    description = INT16_LAYOUT))})
    @ProblemResponses({400, 404, 503})
    @GetMapping(path = "/{id}/similarity", params = "format")
    ResponseEntity<?> similarityAs(@PathVariable long id, @RequestParam(defaultValue = "input") String order,
            @Parameter(description = "json or int16, whatever Accept says", schema = @Schema(
                    allowableValues = {"json", "int16"})) @RequestParam String format,
            @Parameter(description = MODEL) @RequestParam(required = false) String model) {
        return switch (format) {
            case "int16" -> similarityInt16(id, order, model);
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(similarityJson(id, order, model));
            default -> throw new InvalidInputException("format", "Unknown format '" + format + "': use json or int16.");
        };
    }

    record MatrixJson(String model, int[] order, float[][] matrix) {
    }

    static boolean clusterOrder(String order) {
        return switch (order) {
            case "input" -> false;
            case "cluster" -> true;
            default -> throw new InvalidInputException("order", "Unknown order '" + order + "': use input or cluster.");
        };
    }

    private void checkJsonMatrixSize(long id) {
        datasets.get(id);
        int n = datasets.sentenceCount(id);
        int max = requestLimits.maxJsonMatrix();
        if (n > max) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "The matrix has "
                    + n + "×" + n + " cells; as JSON it is sent up to " + max + "×" + max
                    + ". Ask for format=int16 (or Accept: application/octet-stream) instead.");
            problem.setTitle("Matrix too large for JSON");
            problem.setProperty("limit", max);
            problem.setProperty("format", "int16");
            throw new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, problem, null);
        }
    }

    static byte[] int16(DatasetSimilarity.Matrix matrix, int[] order) {
        int n = order.length;
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * n + 2 * n * n).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(n);
        for (int index : order) buffer.putInt(index);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                long scaled = Math.round(matrix.at(order[r], order[c]) * 10000.0);
                buffer.putShort((short) Math.max(-10000, Math.min(10000, scaled)));
            }
        }
        return buffer.array();
    }

    private ResponseEntity<DatasetViews.Changed> created(DatasetService.Change change) {
        long id = change.dataset().id();
        return ResponseEntity.created(URI.create("/api/datasets/" + id)).body(views.changed(change));
    }
}

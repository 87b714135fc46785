package org.simexplorer.dataset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.limits.RequestLimits;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A dataset's whole cosine matrix, as JSON or as the compact int16 form a small dataset's page draws from. */
@RestController
@RequestMapping("/api/datasets")
@Tag(name = "Datasets")
class SimilarityMatrixController {

    static final MediaType INT16_MATRIX = MediaType.APPLICATION_OCTET_STREAM;
    private static final String INT16_LAYOUT = "uint32 LE N, N int32 LE order indices, then N×N int16 LE"
            + " round(S·10000), rows and columns in that order";
    private static final String ORDER = "input keeps the sentences' order; cluster groups similar ones";
    private static final String MODEL = "another catalogue model or an adapter (<base>:<name>);"
            + " the dataset's own by default";

    private final DatasetService datasets;
    private final DatasetSimilarity similarity;
    private final RequestLimits requestLimits;

    SimilarityMatrixController(DatasetService datasets, DatasetSimilarity similarity, RequestLimits requestLimits) {
        this.datasets = datasets;
        this.similarity = similarity;
        this.requestLimits = requestLimits;
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
                SimilarityMatrixController::int16));
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
}

package org.simexplorer.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.simexplorer.errors.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Export and import")
class ExportController {

    private static final Set<String> OWN_PARAMETERS = Set.of("loss", "seed", "validationFraction");

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    /** ?loss=ID[&seed=0&validationFraction=0.2&PARAM=value]: a zip to train with sentence-transformers. */
    @Operation(summary = "A zip to fine-tune the model with sentence-transformers: the seeded split as JSONL,"
            + " train.py, requirements.txt and README.txt")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip", schema = @Schema(
            type = "string", format = "binary", description = "train.jsonl, validation.jsonl, train.py,"
                    + " requirements.txt and README.txt")))
    @ProblemResponses({400, 404, 422})
    @GetMapping("/api/datasets/{id}/export/training")
    ResponseEntity<byte[]> training(@PathVariable long id,
            @Parameter(required = true, description = "a loss id from GET /api/losses")
            @RequestParam(required = false) String loss,
            @Parameter(description = "seeds the training/validation split, as training an adapter does")
            @RequestParam(defaultValue = "0") long seed,
            @Parameter(description = "share of the labelled pairs for validation, between 0 and 1")
            @RequestParam(defaultValue = "0.2") double validationFraction,
            @Parameter(description = "the loss's parameters by name, e.g. margin=0.3")
            @RequestParam Map<String, String> query) {
        if (loss == null || loss.isBlank()) {
            throw new InvalidInputException("Give the loss as ?loss=ID (see GET /api/losses).");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (!OWN_PARAMETERS.contains(name)) params.put(name, number(value));
        });
        byte[] zip = exports.trainingBundle(id, loss, params, seed, validationFraction);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dataset-" + id + "-training-" + loss + ".zip").build().toString())
                .body(zip);
    }

    private static Object number(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return value;
        }
    }
}

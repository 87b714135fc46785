package org.simexplorer.labels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.simexplorer.errors.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.Operation;
import org.simexplorer.system.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ExportController {

    private static final Set<String> OWN_PARAMETERS = Set.of("loss", "seed", "validationFraction");

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    /** ?loss=ID[&seed=0&validationFraction=0.2&PARAM=value]: a zip to train with sentence-transformers. */
    @Operation(summary = "A zip to fine-tune the model with sentence-transformers: the seeded split as JSONL,"
            + " train.py, requirements.txt and README.txt")
    @ProblemResponses({400, 404, 422})
    @GetMapping("/api/datasets/{id}/export/training")
    ResponseEntity<byte[]> training(@PathVariable long id, @RequestParam(required = false) String loss,
            @RequestParam(defaultValue = "0") long seed, @RequestParam(defaultValue = "0.2") double validationFraction,
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

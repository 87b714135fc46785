package org.simexplorer.comparison;

import java.util.Arrays;
import java.util.List;
import org.simexplorer.errors.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compare and map")
class ComparisonController {

    private final ComparisonService comparisons;

    ComparisonController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    /** ?models=a,b[,c,d]: catalogue ids (adapters as base:name), the first being the reference. */
    @Operation(summary = "2 to 4 models side by side on a dataset: metrics, losses, Spearman with the first, and"
            + " the pairs whose rank differs most between the first two")
    @ProblemResponses({400, 404})
    @GetMapping("/api/datasets/{id}/comparison")
    Comparison compare(@PathVariable long id,
            @Parameter(required = true, description = "2 to 4 model ids, comma-separated (adapters as <base>:<name>);"
                    + " the first is the reference", example = "all-minilm-l6-v2,all-minilm-l6-v2-q")
            @RequestParam(required = false) String models) {
        if (models == null || models.isBlank()) {
            throw new InvalidInputException("Give the models to compare as ?models=a,b[,c,d].");
        }
        List<String> ids = Arrays.stream(models.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return comparisons.compare(id, ids);
    }
}

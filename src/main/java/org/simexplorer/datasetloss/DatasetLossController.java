package org.simexplorer.datasetloss;

import java.util.LinkedHashMap;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.evaluation.PairMetrics;
import org.simexplorer.loss.LossResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the losses and metrics make of a dataset's labels. */
@RestController
@RequestMapping("/api/datasets/{id}")
@Tag(name = "Losses")
class DatasetLossController {

    private final DatasetLosses losses;

    DatasetLossController(DatasetLosses losses) {
        this.losses = losses;
    }

    /**
     * Every loss in one answer, in the order of GET /api/losses. Parameters as LOSS.PARAM=value, for example
     * {@code ?contrastive.margin=0.3}; a loss undefined on these labels has a null value and its reason.
     */
    @Operation(summary = "Every loss on the dataset's embeddings and labels, in one answer")
    @ProblemResponses({400, 404, 503})
    @GetMapping("/losses")
    DatasetLosses.AllLosses all(@PathVariable long id,
            @Parameter(description = "another catalogue model or an adapter (<base>:<name>); the dataset's own by default")
            @RequestParam(required = false) String model,
            @Parameter(description = "loss parameters as LOSS.PARAM=value, e.g. contrastive.margin=0.3")
            @RequestParam Map<String, String> query) {
        Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (name.equals("model")) return;
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new InvalidInputException(name, "Unknown query parameter '" + name + "': give loss parameters "
                        + "as LOSS.PARAM=value, for example contrastive.margin=0.3.");
            }
            overrides.computeIfAbsent(name.substring(0, dot), loss -> new LinkedHashMap<>())
                    .put(name.substring(dot + 1), number(value));
        });
        return losses.all(id, overrides, model);
    }

    /**
     * As POST /api/loss on the dataset's embeddings and labels: ?loss=ID, optional gradient=true,
     * pairContributions=false, model=ID (another catalogue model, an adapter say), and the loss's parameters by
     * name (for example &margin=0.3).
     */
    @Operation(summary = "One loss on the dataset's embeddings and labels, as POST /api/loss computes it")
    @ProblemResponses({400, 404, 422, 503})
    @GetMapping("/loss")
    LossResult loss(@PathVariable long id,
            @Parameter(required = true, description = "a loss id from GET /api/losses")
            @RequestParam(required = false) String loss,
            @RequestParam(defaultValue = "false") boolean gradient,
            @RequestParam(defaultValue = "true") boolean pairContributions,
            @Parameter(description = "another catalogue model or an adapter (<base>:<name>); the dataset's own by default")
            @RequestParam(required = false) String model,
            @Parameter(description = "the loss's parameters by name, e.g. margin=0.3")
            @RequestParam Map<String, String> query) {
        if (loss == null || loss.isBlank()) {
            throw new InvalidInputException("Give the loss id as ?loss=ID (see GET /api/losses).");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (name.equals("loss") || name.equals("gradient") || name.equals("pairContributions")
                    || name.equals("model")) {
                return;
            }
            params.put(name, number(value));
        });
        return losses.loss(id, loss, params, gradient, pairContributions, model);
    }

    /** A query value as a number when it is one; otherwise the loss service reports it as not a number. */
    private static Object number(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Flat metrics; the rates are null when undefined (no labels, or only one class). ?model= as for /loss. */
    @Operation(summary = "ROC-AUC, average precision and the best thresholds of the cosine on the labels")
    @ProblemResponses({400, 404, 503})
    @GetMapping("/metrics")
    PairMetrics metrics(@PathVariable long id, @RequestParam(required = false) String model) {
        return losses.metrics(id, model);
    }
}

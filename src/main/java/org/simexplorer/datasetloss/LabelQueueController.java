package org.simexplorer.datasetloss;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The label queue at any size: the unlabelled pairs to offer next, from neighbour lists or a random draw. */
@RestController
@RequestMapping("/api/datasets/{id}")
@Tag(name = "Labels")
class LabelQueueController {

    static final int MAX_LIMIT = 500;

    private final LabelQueue queue;

    LabelQueueController(LabelQueue queue) {
        this.queue = queue;
    }

    @Operation(summary = "Unlabelled pairs to label next: those among sampled sentences' neighbours whose cosine is"
            + " nearest the labels' best threshold (informative), or a seeded uniform sample (random)")
    @ProblemResponses({400, 404})
    @GetMapping("/queue")
    LabelQueue.Queue next(@PathVariable long id,
            @Parameter(description = "informative or random") @RequestParam(defaultValue = "informative") String strategy,
            @Parameter(description = "1 to " + MAX_LIMIT) @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "the seed of the sampled sentences or pairs; the same seed gives the same queue")
            @RequestParam(defaultValue = "42") long seed,
            @Parameter(description = "another catalogue model or an adapter; the dataset's own by default")
            @RequestParam(required = false) String model) {
        LabelQueue.Strategy chosen;
        try {
            chosen = LabelQueue.Strategy.valueOf(strategy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("strategy", "'strategy' must be informative or random, not '" + strategy + "'.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        return queue.next(id, chosen, limit, seed, model == null || model.isBlank() ? null : model.strip());
    }
}

package org.simexplorer.dataset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.limits.RequestLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/datasets/{id}")
@Tag(name = "Datasets")
class NeighbourController {

    static final int MAX_K = 1000;

    private final DatasetNeighbours neighbours;
    private final RequestLimits limits;

    NeighbourController(DatasetNeighbours neighbours, RequestLimits limits) {
        this.neighbours = neighbours;
        this.limits = limits;
    }

    @Operation(summary = "The k most similar sentences of one sentence, or of a text embedded with the dataset's model;"
            + " exact search on small datasets, an HNSW index on large ones once it is built")
    @ProblemResponses({400, 404})
    @GetMapping("/neighbours")
    DatasetNeighbours.Neighbours neighbours(@PathVariable long id,
            @Parameter(description = "a sentence index; give this or text") @RequestParam(required = false) Integer sentence,
            @Parameter(description = "a text to search for; give this or sentence") @RequestParam(required = false) String text,
            @Parameter(description = "1 to " + MAX_K) @RequestParam(defaultValue = "10") int k,
            @Parameter(description = "another catalogue model or an adapter; the dataset's own by default")
            @RequestParam(required = false) String model,
            @Parameter(description = "auto (the index once built on a large dataset, else exact) or exact, to"
                    + " measure the index's recall against") @RequestParam(defaultValue = "auto") String search) {
        if (!search.equals("auto") && !search.equals("exact")) {
            throw new InvalidInputException("search", "'search' must be auto or exact, not '" + search + "'.");
        }
        boolean exact = search.equals("exact");
        if (k < 1 || k > MAX_K) {
            throw new InvalidInputException("k", "k must be between 1 and " + MAX_K + ", not " + k + ".");
        }
        boolean hasText = text != null && !text.isBlank();
        if ((sentence == null) == !hasText) {
            throw new InvalidInputException("sentence", "Give either 'sentence' (an index) or 'text', not "
                    + (sentence == null ? "neither" : "both") + ".");
        }
        if (sentence != null) {
            if (sentence < 0) {
                throw new InvalidInputException("sentence", "'sentence' must be 0 or more, not " + sentence + ".");
            }
            return neighbours.ofSentence(id, sentence, k, model, exact);
        }
        if (text.length() > limits.maxCharsPerSentence()) {
            throw new InvalidInputException("text", "'text' has " + text.length() + " characters; at most "
                    + limits.maxCharsPerSentence() + " are allowed.");
        }
        return neighbours.ofText(id, text.strip(), k, model, exact);
    }
}

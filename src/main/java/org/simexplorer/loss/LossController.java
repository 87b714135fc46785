package org.simexplorer.loss;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.simexplorer.system.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Losses")
class LossController {

    private final LossService losses;

    LossController(LossService losses) {
        this.losses = losses;
    }

    @Operation(summary = "Evaluate a loss (and optionally its gradient) on a batch of embeddings or sentences",
            description = "Give 'embeddings' or 'sentences' (with 'model'), and 'target' (N×N of +1/-1/0) or"
                    + " 'pairs' ([i, j, label] rows).")
    @ProblemResponses({400, 404, 422, 503})
    @PostMapping("/api/loss")
    LossResult evaluate(@RequestBody LossRequest request) {
        return losses.evaluate(request);
    }

    @Operation(summary = "Every loss with its formula, parameters and defaults")
    @GetMapping("/api/losses")
    List<LossDescription> list() {
        return losses.describe();
    }
}

package org.simexplorer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.loss.LossDescription;
import org.simexplorer.loss.LossResult;
import org.simexplorer.loss.LossService;
import org.simexplorer.loss.PairTarget;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.limits.ConcurrencyLimit;
import org.simexplorer.limits.ConcurrencyLimits;
import org.simexplorer.limits.RequestLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Losses")
class LossController {

    private final LossService losses;
    private final SentenceEmbedder embedder;
    private final RequestLimits limits;
    private final ConcurrencyLimit matrixWork;

    LossController(LossService losses, SentenceEmbedder embedder, RequestLimits limits,
            ConcurrencyLimits concurrency) {
        this.losses = losses;
        this.embedder = embedder;
        this.limits = limits;
        this.matrixWork = concurrency.matrix();
    }

    @Operation(summary = "Evaluate a loss (and optionally its gradient) on a batch of embeddings or sentences",
            description = "Give 'embeddings' or 'sentences' (with 'model'), and 'target' (N×N of +1/-1/0) or"
                    + " 'pairs'.")
    @ProblemResponses({400, 404, 422, 503})
    @PostMapping("/api/loss")
    LossResult evaluate(@RequestBody LossRequest request) {
        float[][] embeddings = embeddingsOf(request);
        PairTarget target = targetOf(request, embeddings.length);
        boolean gradient = Boolean.TRUE.equals(request.gradient());
        boolean contributions = !Boolean.FALSE.equals(request.pairContributions());
        if (request.adapter() != null) {
            float[][] adapter = EmbeddingInput.matrix(request.adapter(), "adapter");
            return matrixWork.call(() -> losses.evaluate(embeddings, adapter, target, request.loss(), request.params(),
                    gradient, contributions));
        }
        // A request's target may label every pair: then the loss is N×N work and runs under that limit.
        return matrixWork.call(() -> losses.evaluate(embeddings, target, request.loss(), request.params(), gradient,
                contributions));
    }

    @Operation(summary = "Every loss with its formula, parameters and defaults")
    @GetMapping("/api/losses")
    List<LossDescription> list() {
        return losses.describe();
    }

    private float[][] embeddingsOf(LossRequest request) {
        if (request.embeddings() != null && request.sentences() != null) {
            throw new InvalidInputException("Give the input as either 'embeddings' or 'sentences', not both.");
        }
        if (request.embeddings() != null) {
            if (request.model() != null) {
                throw new InvalidInputException("model",
                        "'model' applies only to 'sentences'; 'embeddings' are used as given.");
            }
            return EmbeddingInput.validate(request.embeddings(), limits);
        }
        if (request.sentences() == null) {
            throw new InvalidInputException("The input is missing: give 'embeddings' (an N×D matrix) or 'sentences' "
                    + "(a list of strings, with an optional 'model').");
        }
        List<String> sentences = SentenceInput.validate(request.sentences(), limits);
        return embedder.embed(sentences, request.model()).vectors();
    }

    private static PairTarget targetOf(LossRequest request, int n) {
        if (request.target() != null && request.pairs() != null) {
            throw new InvalidInputException("Give the labels as either 'target' or 'pairs', not both.");
        }
        if (request.target() != null) {
            return TargetInput.fromMatrix(request.target(), n);
        }
        if (request.pairs() != null) {
            return TargetInput.fromPairs(request.pairs(), n);
        }
        throw new InvalidInputException("The labels are missing: give 'target' (an N×N matrix of -1, 0, 1) or "
                + "'pairs' (a list of {\"i\", \"j\", \"label\"}).");
    }
}

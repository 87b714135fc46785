package org.simexplorer.api;

import org.simexplorer.errors.InvalidInputException;
import java.util.List;
import org.simexplorer.embedding.SentenceEmbedder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.limits.ConcurrencyLimit;
import org.simexplorer.limits.ConcurrencyLimits;
import org.simexplorer.limits.RequestLimits;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Models and embeddings")
class SimilarityController {

    private final SentenceEmbedder embedder;
    private final CosineMatrix cosineMatrix;
    private final RequestLimits limits;
    private final ConcurrencyLimit matrixWork;

    SimilarityController(SentenceEmbedder embedder, CosineMatrix cosineMatrix, RequestLimits limits,
            ConcurrencyLimits concurrency) {
        this.embedder = embedder;
        this.cosineMatrix = cosineMatrix;
        this.limits = limits;
        this.matrixWork = concurrency.matrix();
    }

    @Schema(description = "Either 'sentences' (embedded with 'model') or 'embeddings', not both")
    record SimilarityRequest(
            @ArraySchema(schema = @Schema(implementation = String.class)) List<Object> sentences,
            @ArraySchema(schema = @Schema(implementation = double[].class, description = "one row of numbers per item"))
            List<Object> embeddings,
            @Schema(description = "a catalogue id; the default model when absent") String model) {
    }

    /** {@code model} is null when the caller gave embeddings rather than sentences. */
    record SimilarityResponse(@Schema(description = "null when embeddings were given") String model,
            @Schema(description = "N×N cosines; a zero vector has similarity 0") float[][] matrix) {
    }

    @Operation(summary = "The cosine matrix of sentences or of given embeddings")
    @ProblemResponses({400, 404, 503})
    @PostMapping("/api/similarity")
    SimilarityResponse similarity(@RequestBody SimilarityRequest request) {
        if (request.sentences() != null && request.embeddings() != null) {
            throw new InvalidInputException("Give either 'sentences' or 'embeddings', not both.");
        }
        if (request.embeddings() != null) {
            float[][] embeddings = EmbeddingInput.validate(request.embeddings(), limits);
            return new SimilarityResponse(null, matrixWork.call(() -> cosineMatrix.cosine(embeddings)));
        }
        if (request.sentences() == null) {
            throw new InvalidInputException("Give 'sentences' (a list of strings) or 'embeddings' (a list of rows).");
        }
        var embeddings = embedder.embed(SentenceInput.validate(request.sentences(), limits), request.model());
        return new SimilarityResponse(embeddings.model(), matrixWork.call(() -> cosineMatrix.cosine(embeddings.vectors())));
    }
}

package org.simexplorer.api;

import org.simexplorer.errors.InvalidInputException;
import java.util.List;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.system.RequestLimits;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SimilarityController {

    private final SentenceEmbedder embedder;
    private final CosineMatrix cosineMatrix;
    private final RequestLimits limits;

    SimilarityController(SentenceEmbedder embedder, CosineMatrix cosineMatrix, RequestLimits limits) {
        this.embedder = embedder;
        this.cosineMatrix = cosineMatrix;
        this.limits = limits;
    }

    record SimilarityRequest(List<Object> sentences, List<Object> embeddings, String model) {
    }

    /** {@code model} is null when the caller gave embeddings rather than sentences. */
    record SimilarityResponse(String model, float[][] matrix) {
    }

    @PostMapping("/api/similarity")
    SimilarityResponse similarity(@RequestBody SimilarityRequest request) {
        if (request.sentences() != null && request.embeddings() != null) {
            throw new InvalidInputException("Give either 'sentences' or 'embeddings', not both.");
        }
        if (request.embeddings() != null) {
            return new SimilarityResponse(null, cosineMatrix.cosine(EmbeddingInput.validate(request.embeddings(), limits)));
        }
        if (request.sentences() == null) {
            throw new InvalidInputException("Give 'sentences' (a list of strings) or 'embeddings' (a list of rows).");
        }
        var embeddings = embedder.embed(SentenceInput.validate(request.sentences(), limits), request.model());
        return new SimilarityResponse(embeddings.model(), cosineMatrix.cosine(embeddings.vectors()));
    }
}

package org.simexplorer.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.ExtraModels;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.limits.RequestLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Models and embeddings")
class EmbeddingController {

    private final ModelCatalog catalog;
    private final SentenceEmbedder embedder;
    private final RequestLimits limits;

    EmbeddingController(ModelCatalog catalog, SentenceEmbedder embedder, RequestLimits limits) {
        this.catalog = catalog;
        this.embedder = embedder;
        this.limits = limits;
    }

    /**
     * A catalogue entry; {@code base} only for a model built on another one (a trained adapter), and
     * {@code datasetId} for an adapter whose dataset still exists: the dataset whose labels trained it.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ModelView(String id, int dimension, String pooling, int maxTokens, List<String> languages,
            @JsonProperty("default") boolean defaultModel, String base, boolean adapter, Long datasetId) {
    }

    record EmbedRequest(
            @ArraySchema(schema = @Schema(implementation = String.class, example = "The weather is lovely today."),
                    arraySchema = @Schema(requiredMode = REQUIRED)) List<Object> sentences,
            @Schema(description = "a catalogue id; the default model when absent") String model) {
    }

    record EmbedResponse(String model, int dimension,
            @Schema(description = "one unit-length row per sentence, in input order") float[][] embeddings,
            @Schema(description = "indices of the sentences cut at the model's token limit") List<Integer> truncated) {
    }

    @Operation(summary = "The models this app serves, with the default marked")
    @GetMapping("/api/models")
    List<ModelView> models() {
        return catalog.all().stream().map(m -> {
            Optional<ExtraModels.ExtraModel> extra = catalog.extra(m.id());
            String base = extra.map(ExtraModels.ExtraModel::base).orElse(null);
            Long datasetId = extra.map(ExtraModels.ExtraModel::datasetId).orElse(null);
            return new ModelView(m.id(), m.dimension(), m.pooling().name().toLowerCase(java.util.Locale.ROOT),
                    m.maxTokens(), m.languages(), m.id().equals(catalog.defaultId()), base, base != null,
                    datasetId);
        }).toList();
    }

    @Operation(summary = "Embed sentences", description = "Waits for a model that is still loading, up to a bound.")
    @ProblemResponses({400, 404, 503})
    @PostMapping("/api/embed")
    EmbedResponse embed(@RequestBody EmbedRequest request) {
        List<String> sentences = SentenceInput.validate(request.sentences(), limits);
        catalog.find(request.model());
        Embeddings result = embedder.embed(sentences, request.model());
        return new EmbedResponse(result.model(), result.dimension(), result.vectors(), result.truncated());
    }
}

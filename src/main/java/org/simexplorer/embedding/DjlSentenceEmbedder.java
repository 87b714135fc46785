package org.simexplorer.embedding;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Serves the catalogue's models with DJL on ONNX Runtime, through {@link LoadedModels}: a model still loading
 * is waited for up to a bound, then refused with 503 and Retry-After.
 */
@Service
public class DjlSentenceEmbedder implements SentenceEmbedder {

    private final ModelCatalog catalog;
    private final LoadedModels models;

    DjlSentenceEmbedder(ModelCatalog catalog, LoadedModels models) {
        this.catalog = catalog;
        this.models = models;
    }

    @Override
    public Embeddings embed(List<String> sentences, String model) {
        Optional<ExtraModels.ExtraModel> extra = catalog.extra(model);
        if (extra.isPresent()) {
            Embeddings base = embed(sentences, extra.get().base());
            return new Embeddings(extra.get().id(), extra.get().apply(base.vectors()), base.truncated());
        }
        ModelSpec spec = catalog.find(model);
        if (sentences.isEmpty()) {
            return new Embeddings(spec.id(), new float[0][], List.of());
        }
        return models.get(spec).embed(sentences);
    }

    @Override
    public String defaultModel() {
        return catalog.defaultId();
    }

    /** True once a model is in memory and ready to embed. */
    public boolean isLoaded(String id) {
        return models.isLoaded(id);
    }
}

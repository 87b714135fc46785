package org.simexplorer.embedding;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

/**
 * Serves the catalogue's models with DJL on ONNX Runtime. The default model is loaded at start-up, any
 * other on its first use; each is loaded once and closed when the application stops.
 */
@Service
public class DjlSentenceEmbedder implements SentenceEmbedder, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DjlSentenceEmbedder.class);

    private final ModelCatalog catalog;
    private final ModelFiles files;
    private final EmbeddingProperties properties;
    private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();

    public DjlSentenceEmbedder(ModelCatalog catalog, ModelFiles files, EmbeddingProperties properties) {
        this.catalog = catalog;
        this.files = files;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        model(catalog.defaultId());
    }

    @Override
    public Embeddings embed(List<String> sentences, String model) {
        java.util.Optional<ExtraModels.ExtraModel> extra = catalog.extra(model);
        if (extra.isPresent()) {
            Embeddings base = embed(sentences, extra.get().base());
            return new Embeddings(extra.get().id(), extra.get().apply(base.vectors()), base.truncated());
        }
        if (sentences.isEmpty()) {
            return new Embeddings(model(model).spec().id(), new float[0][], List.of());
        }
        return model(model).embed(sentences);
    }

    @Override
    public String defaultModel() {
        return catalog.defaultId();
    }

    /** True once a model has been loaded into memory. */
    public boolean isLoaded(String id) {
        return loaded.containsKey(id);
    }

    private LoadedModel model(String id) {
        ModelSpec spec = catalog.find(id);
        return loaded.computeIfAbsent(spec.id(), key -> load(spec));
    }

    private LoadedModel load(ModelSpec spec) {
        long start = System.nanoTime();
        try {
            LoadedModel model = new LoadedModel(spec, files.locate(spec), properties);
            log.info("Loaded model {} ({} pooling, {} max tokens) in {} ms", spec.id(), spec.pooling(),
                    spec.maxTokens(), (System.nanoTime() - start) / 1_000_000);
            return model;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load model " + spec.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        loaded.values().forEach(LoadedModel::close);
        loaded.clear();
    }
}

package org.simexplorer.embedding;

import java.util.List;
import org.simexplorer.limits.ConcurrencyLimit;
import org.simexplorer.limits.ConcurrencyLimits;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;

/**
 * The embedder every feature gets: the model behind the embedding concurrency limit. The limit comes from the
 * limits package, which knows no web and no feature, so the core may hold it. A caller past the limit
 * waits its short, configured time and is then refused with 503, so a burst of embedding requests queues a
 * little and is answered, never piles up threads and memory behind one busy model.
 */
@Service
@Primary
public class BoundedSentenceEmbedder implements SentenceEmbedder {

    private final DjlSentenceEmbedder model;
    private final ConcurrencyLimit limit;

    public BoundedSentenceEmbedder(DjlSentenceEmbedder model, ConcurrencyLimits limits) {
        this.model = model;
        this.limit = limits.embedding();
    }

    @Override
    public Embeddings embed(List<String> sentences, String modelId) {
        if (sentences.isEmpty()) return model.embed(sentences, modelId);
        return limit.call(() -> model.embed(sentences, modelId));
    }

    @Override
    public String defaultModel() {
        return model.defaultModel();
    }
}

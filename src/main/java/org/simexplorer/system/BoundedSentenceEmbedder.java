package org.simexplorer.system;

import java.util.List;
import org.simexplorer.embedding.DjlSentenceEmbedder;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.SentenceEmbedder;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;

/**
 * The embedder every feature gets: the model behind the embedding concurrency limit. It lives here, not in the
 * core embedding package, which knows nothing of the app's limits. A caller past the limit
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

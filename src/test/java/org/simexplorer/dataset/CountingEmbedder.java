package org.simexplorer.dataset;

import java.util.ArrayList;
import java.util.List;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.SentenceEmbedder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Wraps the application's real embedder and records each call, so tests can see what reached the model. */
class CountingEmbedder implements SentenceEmbedder {

    private final SentenceEmbedder real;
    final List<List<String>> calls = new ArrayList<>();

    CountingEmbedder(SentenceEmbedder real) {
        this.real = real;
    }

    @Override
    public Embeddings embed(List<String> sentences, String model) {
        synchronized (this) {
            calls.add(List.copyOf(sentences));
        }
        return real.embed(sentences, model);
    }

    @Override
    public String defaultModel() {
        return real.defaultModel();
    }

    synchronized List<List<String>> takeCalls() {
        List<List<String>> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }

    /** Replaces the SentenceEmbedder every feature gets (the bounded one) with a counting wrapper around it. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof org.simexplorer.embedding.BoundedSentenceEmbedder real
                        ? new CountingEmbedder(real) : bean;
            }
        };
    }
}

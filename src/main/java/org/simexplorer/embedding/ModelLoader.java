package org.simexplorer.embedding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.simexplorer.metrics.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Opens a catalogue model: puts its files in place and starts its ONNX Runtime session and predictors. */
@Component
class ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    private final ModelFiles files;
    private final EmbeddingProperties properties;
    private final MeterRegistry meters;

    ModelLoader(ModelFiles files, EmbeddingProperties properties, MeterRegistry meters) {
        this.files = files;
        this.properties = properties;
        this.meters = meters;
    }

    /** Takes seconds for a built-in model; callers run it off the request threads. */
    LoadedModel load(ModelSpec spec) {
        long start = System.nanoTime();
        try {
            LoadedModel model = new LoadedModel(spec, files.locate(spec), properties, meters(spec));
            log.info("Loaded model {} ({} pooling, {} max tokens) in {} ms", spec.id(), spec.pooling(),
                    spec.maxTokens(), (System.nanoTime() - start) / 1_000_000);
            return model;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load model " + spec.id() + ": " + e.getMessage(), e);
        }
    }

    private LoadedModel.Meters meters(ModelSpec spec) {
        Counter sentences = Counter.builder(MeterNames.SENTENCES_EMBEDDED)
                .description("Sentences run through the model (embedding-cache hits are not counted)")
                .tag("model", spec.id()).register(meters);
        Timer batches = Timer.builder(MeterNames.EMBEDDING_BATCH)
                .description("One forward pass over a batch of sentences")
                .tag("model", spec.id()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
        return new LoadedModel.Meters(sentences, batches);
    }
}

package org.simexplorer.dataset;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.simexplorer.metrics.MeterNames;
import org.springframework.stereotype.Component;

/** Publishes the size of the dataset matrix cache, read from {@link DatasetSimilarity} when scraped. */
@Component
class DatasetMeters implements MeterBinder {

    private final DatasetSimilarity similarity;

    DatasetMeters(DatasetSimilarity similarity) {
        this.similarity = similarity;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MeterNames.MATRIX_CACHE_BYTES, similarity, DatasetSimilarity::cachedBytes)
                .description("Heap held by the dataset matrix cache: cosine matrices and their embeddings")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }
}

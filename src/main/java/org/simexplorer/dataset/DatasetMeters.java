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

    private final MatrixCache matrices;

    DatasetMeters(MatrixCache matrices) {
        this.matrices = matrices;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MeterNames.MATRIX_CACHE_BYTES, matrices, MatrixCache::bytes)
                .description("Heap held by the dataset matrix cache: cosine matrices and their cluster orders")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }
}

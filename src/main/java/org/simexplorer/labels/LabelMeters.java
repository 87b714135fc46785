package org.simexplorer.labels;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.simexplorer.metrics.MeterNames;
import org.springframework.stereotype.Component;

/** Publishes the label writes that {@link LabelService} counts, so the service itself needs no registry. */
@Component
class LabelMeters implements MeterBinder {

    private final LabelService labels;

    LabelMeters(LabelService labels) {
        this.labels = labels;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(MeterNames.LABEL_WRITES, labels, LabelService::labelsWritten)
                .description("Pair labels set or removed (PUT labels and imports), counted after commit")
                .register(registry);
    }
}

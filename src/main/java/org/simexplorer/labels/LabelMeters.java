package org.simexplorer.labels;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import org.simexplorer.metrics.MeterNames;
import org.springframework.stereotype.Component;

/** Publishes the label writes that {@link LabelService} counts, so the service itself needs no registry. */
@Component
class LabelMeters implements MeterBinder {

    private final LabelService labels;
    private final LabelWriter writer;

    LabelMeters(LabelService labels, LabelWriter writer) {
        this.labels = labels;
        this.writer = writer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(MeterNames.LABEL_WRITES, labels, LabelService::labelsWritten)
                .description("Pair labels set or removed (PUT labels and imports), counted after commit")
                .register(registry);
        FunctionCounter.builder(MeterNames.LABEL_REQUESTS, writer, LabelWriter::writes)
                .description("PUT labels requests committed by the label writer").register(registry);
        FunctionCounter.builder(MeterNames.LABEL_COMMITS, writer, LabelWriter::commits)
                .description("Transactions that committed PUT labels requests (group commits)").register(registry);
        Timer commits = Timer.builder(MeterNames.LABEL_COMMIT_DURATION)
                .description("One transaction of the label writer, first statement to commit or rollback")
                .publishPercentileHistogram().register(registry);
        writer.timeCommitsWith(nanos -> commits.record(nanos, TimeUnit.NANOSECONDS));
    }
}

package org.simexplorer.training;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.simexplorer.metrics.MeterNames;
import org.springframework.stereotype.Component;

/** Publishes the optimiser steps that {@link TrainingRunner} counts, so the runner itself needs no registry. */
@Component
class TrainingMeters implements MeterBinder {

    private final TrainingRunner runner;

    TrainingMeters(TrainingRunner runner) {
        this.runner = runner;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(MeterNames.TRAINING_STEPS, runner, TrainingRunner::stepsDone)
                .description("Adapter training steps (loss, gradient and update) run since start")
                .register(registry);
    }
}

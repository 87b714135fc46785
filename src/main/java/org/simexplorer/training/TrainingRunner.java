package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one queued training on an executor thread: the base embeddings from the cache, the trainer, progress to
 * the event streams (each curve point) and to the database (at most once a second), and the end state.
 */
@Component
class TrainingRunner {

    private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;

    private final DatasetService datasets;
    private final AdapterRepository adapters;
    private final LiveTrainings live;
    private final AdapterTrainer trainer;
    private final AtomicLong stepsDone = new AtomicLong();
    private final int minimumPerClass;

    TrainingRunner(DatasetService datasets, AdapterRepository adapters, LiveTrainings live, AdapterTrainer trainer,
            TrainingProperties properties) {
        this.minimumPerClass = properties.minValidationPairsPerClass();
        this.datasets = datasets;
        this.adapters = adapters;
        this.live = live;
        this.trainer = trainer;
    }

    void run(long id, long datasetId, PairSplit split, TrainingPlan plan, LiveTrainings.Live training) {
        if (training.cancelled || !adapters.start(id)) {
            live.end(id, current(id, training));
            return;
        }
        long started = System.nanoTime();
        try {
            float[][] embeddings = datasets.embeddings(datasetId).vectors();
            TrainingData data = TrainingData.of(embeddings, split);
            AdapterTrainer.Outcome outcome = trainer.train(data, plan, new Reporter(id, training));
            // Curve points count the steps up to them; a finished run adds the steps after its last point.
            if (!outcome.cancelled()) stepsDone.addAndGet(Math.max(0, plan.steps() - training.step));
            if (outcome.cancelled()) {
                adapters.progress(id, training.step, training.bestStep, training.curve);
            } else {
                adapters.finish(id, plan.steps(), outcome.bestStep(), outcome.curve(), outcome.after(),
                        outcome.weights());
                log.info("Adapter {} trained: {} steps in {} ms, best step {}", id, plan.steps(),
                        (System.nanoTime() - started) / 1_000_000, outcome.bestStep());
            }
        } catch (DomainException e) {
            adapters.fail(id, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Adapter training {} failed", id, e);
            adapters.fail(id, "The training failed unexpectedly: " + e);
        } finally {
            live.end(id, current(id, null));
        }
    }

    /** Optimiser steps run by every training since start, for the metrics. */
    long stepsDone() {
        return stepsDone.get();
    }

    private Object current(long id, LiveTrainings.Live training) {
        return adapters.find(id).<Object>map(a -> AdapterView.of(a, training, minimumPerClass)).orElse(Map.of("id", id));
    }

    /** Carries the trainer's reports to the live state, the streams and (throttled) the database. */
    private final class Reporter implements AdapterTrainer.Progress {
        private final long id;
        private final LiveTrainings.Live training;
        private long lastSave = System.nanoTime();
        private AdapterRecord row;

        Reporter(long id, LiveTrainings.Live training) {
            this.id = id;
            this.training = training;
        }

        @Override
        public void started(Map<String, Object> before) {
            training.before = before;
            adapters.saveBefore(id, before);
            row = adapters.find(id).orElseThrow();
        }

        @Override
        public void point(int step, int bestStep, List<CurvePoint> curve) {
            training.curve = curve;
            training.bestStep = bestStep;
            stepsDone.addAndGet(Math.max(0, step - training.step));
            training.step = step;
            if (System.nanoTime() - lastSave > SAVE_EVERY_NANOS) {
                adapters.progress(id, step, bestStep, curve);
                lastSave = System.nanoTime();
            }
            live.progress(id, AdapterView.of(row, training, minimumPerClass));
        }

        @Override
        public boolean cancelled() {
            return training.cancelled || Thread.currentThread().isInterrupted();
        }
    }
}

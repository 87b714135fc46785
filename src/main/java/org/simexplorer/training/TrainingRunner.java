package org.simexplorer.training;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.evaluation.PairSplit;
import org.simexplorer.loss.PairLossRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed training, from step 0 or from its stored state: the base embeddings from the cache, the
 * trainer, and at curve points (at most once per checkpoint interval) the curve with the state to resume from,
 * in one transaction. Cancellation is a state in the database, so it reaches the training on any instance.
 */
@Component
class TrainingRunner {

    /** How a run left its training. */
    enum Ending {
        /** Done, failed or cancelled: the execution is over. */
        ENDED,
        /** Stopped for this instance's shutdown, still running: another instance resumes it. */
        HANDED_OVER
    }

    private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);
    /** How often a running training asks the database whether it was cancelled. */
    private static final long CANCEL_CHECK_NANOS = 200_000_000L;

    private final DatasetService datasets;
    private final AdapterRepository adapters;
    private final TrainingCheckpoints checkpoints;
    private final PairLossRegistry losses;
    private final AdapterTrainer trainer;
    private final TransactionTemplate transactions;
    private final AtomicLong stepsDone = new AtomicLong();
    private final long checkpointNanos;

    TrainingRunner(DatasetService datasets, AdapterRepository adapters, TrainingCheckpoints checkpoints,
            PairLossRegistry losses, AdapterTrainer trainer, PlatformTransactionManager transactionManager,
            TrainingProperties properties) {
        this.datasets = datasets;
        this.adapters = adapters;
        this.checkpoints = checkpoints;
        this.losses = losses;
        this.trainer = trainer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.checkpointNanos = properties.checkpointInterval().toNanos();
    }

    Ending run(AdapterRecord adapter, TrainingPairs pairs, BooleanSupplier shuttingDown) {
        long id = adapter.id();
        boolean resuming = adapter.status() == AdapterRecord.Status.RUNNING;
        if (!resuming && !adapters.start(id)) return Ending.ENDED;
        long started = System.nanoTime();
        try {
            if (adapter.datasetId() == null) {
                throw new NotFoundException("The dataset this training read was deleted, so it cannot go on.");
            }
            TrainingPlan plan = TrainingPlan.of(adapter, losses);
            PairSplit split = PairSplit.of(pairs.list(), adapter.validationFraction(), adapter.seed())
                    .requireBothClasses();
            TrainingData data = TrainingData.of(datasets.embeddings(adapter.datasetId()).vectors(), split);
            AdapterTrainer.Resume resume = resuming ? checkpoints.find(id).map(state -> new AdapterTrainer.Resume(
                    state, adapter.curve().stream().filter(p -> p.step() <= state.step()).toList(),
                    adapter.before())).orElse(null) : null;
            if (resuming) {
                log.info("Adapter {} resumes at step {}", id, resume == null ? 0 : resume.state().step() + 1);
            }
            Reporter reporter = new Reporter(id, shuttingDown, resume == null ? 0 : resume.state().step());
            AdapterTrainer.Outcome outcome = trainer.train(data, plan, reporter, resume);
            if (outcome.cancelled() && reporter.handingOver) return Ending.HANDED_OVER;
            transactions.executeWithoutResult(status -> {
                if (outcome.cancelled()) {
                    adapters.progress(id, reporter.step, outcome.bestStep(), outcome.curve());
                } else {
                    stepsDone.addAndGet(Math.max(0, plan.steps() - reporter.step));
                    adapters.finish(id, plan.steps(), outcome.bestStep(), outcome.curve(), outcome.after(),
                            outcome.weights());
                }
                checkpoints.delete(id);
            });
            if (!outcome.cancelled()) {
                log.info("Adapter {} trained: {} steps in {} ms, best step {}", id, plan.steps(),
                        (System.nanoTime() - started) / 1_000_000, outcome.bestStep());
            }
        } catch (DomainException e) {
            end(id, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Adapter training {} failed", id, e);
            end(id, "The training failed unexpectedly: " + e);
        }
        return Ending.ENDED;
    }

    /** Optimiser steps run by every training on this instance since start, for the metrics. */
    long stepsDone() {
        return stepsDone.get();
    }

    private void end(long id, String reason) {
        transactions.executeWithoutResult(status -> {
            adapters.fail(id, reason);
            checkpoints.delete(id);
        });
    }

    /** Carries the trainer's reports to the database, and the database's cancel (or this shutdown) back. */
    private final class Reporter implements AdapterTrainer.Progress {
        private final long id;
        private final BooleanSupplier shuttingDown;
        private long lastSave = System.nanoTime();
        private long lastCheck = System.nanoTime();
        private int step;
        private boolean handingOver;

        Reporter(long id, BooleanSupplier shuttingDown, int step) {
            this.id = id;
            this.shuttingDown = shuttingDown;
            this.step = step;
        }

        @Override
        public void started(Map<String, Object> before) {
            adapters.saveBefore(id, before);
        }

        @Override
        public void point(int at, int bestStep, List<CurvePoint> curve, Supplier<TrainingCheckpoint> state) {
            stepsDone.addAndGet(Math.max(0, at - step));
            step = at;
            if (state == null || System.nanoTime() - lastSave < checkpointNanos) return;
            TrainingCheckpoint checkpoint = state.get();
            transactions.executeWithoutResult(status -> {
                adapters.progress(id, at, bestStep, curve);
                checkpoints.save(id, checkpoint);
            });
            lastSave = System.nanoTime();
        }

        @Override
        public boolean cancelled() {
            if (shuttingDown.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                handingOver = true;
                return true;
            }
            if (System.nanoTime() - lastCheck < CANCEL_CHECK_NANOS) return false;
            lastCheck = System.nanoTime();
            return adapters.status(id).map(s -> s != AdapterRecord.Status.RUNNING).orElse(true);
        }
    }
}

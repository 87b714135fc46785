package org.simexplorer.training;

import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;

/** The settings of one training, checked. */
record TrainingPlan(PairLoss loss, LossParameters params, AdapterForm form, int steps, double learningRate,
        double regularization, long seed) {

    /** Curve points (and the early-stopping check) every this many steps. */
    static final int EVALUATE_EVERY = 10;
    /** Above this many training pairs a step reads a seeded minibatch instead of all of them. */
    static final int FULL_BATCH_LIMIT = 50_000;
    static final int MINIBATCH = 8_192;

    /** The plan an adapter was saved with, for the instance that runs or resumes it. */
    static TrainingPlan of(AdapterRecord adapter, PairLossRegistry losses) {
        PairLoss loss = losses.find(adapter.loss());
        return new TrainingPlan(loss, LossParameters.resolve(loss, adapter.params()),
                AdapterForm.parse(adapter.rank(), adapter.dimension()), adapter.steps(), adapter.learningRate(),
                adapter.regularization(), adapter.seed());
    }
}

package org.simexplorer.training;

import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;

/** The settings of one training, checked. */
record TrainingPlan(PairLoss loss, LossParameters params, AdapterForm form, int steps, double learningRate,
        double regularization, long seed) {

    /** Curve points (and the early-stopping check) every this many steps. */
    static final int EVALUATE_EVERY = 10;
    /** Above this many training pairs a step reads a seeded minibatch instead of all of them. */
    static final int FULL_BATCH_LIMIT = 50_000;
    static final int MINIBATCH = 8_192;
}

package org.simexplorer.training;

/**
 * What a training needs to go on after its curve point {@code step}: the form's parameters, Adam's moments and
 * update count, and the best W so far with its step and validation ROC-AUC (negative infinity while none was
 * defined). The curve up to {@code step} is the adapter's.
 */
record TrainingCheckpoint(int step, float[] parameters, float[] firstMoment, float[] secondMoment, int adamSteps,
        float[] best, int bestStep, double bestAuc) {
}

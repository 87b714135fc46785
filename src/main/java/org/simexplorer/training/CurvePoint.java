package org.simexplorer.training;

/**
 * One point of the training curve, taken every 10 steps, at step 0 and at the last step.
 *
 * @param trainLoss      the loss on the training pairs (a minibatch above 50,000 pairs), without the λ‖W − I‖² term
 * @param validationLoss the loss on the validation pairs, or null where the loss is undefined on them
 * @param validationAuc  ROC-AUC of the cosine on the validation pairs
 * @param meanNorm       mean ‖e·W‖ over the dataset's sentences
 */
record CurvePoint(int step, Double trainLoss, Double validationLoss, Double validationAuc, double meanNorm) {
}

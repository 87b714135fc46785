package org.simexplorer.loss;

/** One labelled pair of rows: label +1 similar, -1 dissimilar, 0 unlabelled. */
public record LabelledPair(int i, int j, int label) {
}

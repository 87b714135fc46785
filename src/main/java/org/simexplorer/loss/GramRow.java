package org.simexplorer.loss;

/**
 * One row of the dense block as a loss pass sees it: columns {@code from} to {@code from + length} of row i, copied
 * to the front of double arrays, so that the pass's loops run from 0 over one element type and vectorise (a loop
 * that mixes bytes, floats and doubles does not). One per thread, reused row after row.
 */
final class GramRow {

    /** The row's place in the block (its slot). */
    int i;
    /** The first column held. */
    int from;
    /** How many columns are held. */
    int length;
    /** The scores S_ij. */
    final double[] s;
    /** The labels T_ij: +1, −1, or 0 where the pair is not labelled (and on the diagonal). */
    final double[] t;
    /** Receives ∂L/∂S_ij for every column held, 0 where T_ij = 0; null when no gradient is wanted. */
    final double[] g;
    /** Scratch for the pass. */
    final double[] a;
    final double[] b;

    GramRow(int m, boolean gradient) {
        s = new double[m];
        t = new double[m];
        g = gradient ? new double[m] : null;
        a = new double[m];
        b = new double[m];
    }
}

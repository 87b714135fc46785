package org.simexplorer.loss;

/**
 * One row of the dense block as a loss pass sees it: columns {@code from} to {@code from + length} of row i, copied
 * to the front of float arrays, so that the pass's loops run from 0 over one element type and vectorise (a loop
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
    final float[] s;
    /** The labels T_ij: +1, −1, or 0 where the pair is not labelled (and on the diagonal). */
    final float[] t;
    /** Receives ∂L/∂S_ij for every column held, 0 where T_ij = 0; null when no gradient is wanted. */
    final float[] g;
    /**
     * Per-slot vectors a pass of {@link GramRows#upper(GramRows.Merge[], GramRows.Merge[], GramRows.Pass)} adds to
     * (or takes maxima into); one set per thread, moved into double vectors after each block of rows, so that a
     * float holds only a block's share.
     */
    float[][] sums;
    /** Scratch for the pass, and for {@link ArrayMath}'s calls. */
    final float[] a;
    final float[] b;
    final float[] scratch;
    /** Scratch for {@link ArrayMath#exp}. */
    final ArrayMath.ExpScratch exponents;

    GramRow(int m, boolean gradient) {
        s = new float[m];
        t = new float[m];
        g = gradient ? new float[m] : null;
        a = new float[m];
        b = new float[m];
        scratch = new float[m];
        exponents = new ArrayMath.ExpScratch(m);
    }
}

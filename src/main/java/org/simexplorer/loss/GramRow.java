package org.simexplorer.loss;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
    /** The same labels as bytes, as the label block holds them. */
    final byte[] labels;
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
        labels = new byte[m];
        g = gradient ? new float[m] : null;
        a = new float[m];
        b = new float[m];
        scratch = new float[m];
        exponents = new ArrayMath.ExpScratch(m);
    }

    /** How many of the held labels are +1, and how many are not 0; set by {@link #countLabels}. */
    int positives;
    int labelled;

    /** Longs of eight labels each, read from {@link #labels}. */
    private static final VarHandle EIGHT_LABELS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.nativeOrder());
    /** The lowest and the highest bit of each byte: a label 1 (0x01) has only the first, −1 (0xFF) both, 0 neither. */
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Sets {@link #positives} and {@link #labelled} from the held labels, eight at a time with two bit counts: a
     * float sum over the row would cost two adds per label, and a reduction does not vectorise.
     */
    void countLabels() {
        int n = length;
        int nonZero = 0;
        int negative = 0;
        int k = 0;
        for (; k + Long.BYTES <= n; k += Long.BYTES) {
            long eight = (long) EIGHT_LABELS.get(labels, k);
            nonZero += Long.bitCount(eight & LOW_BITS);
            negative += Long.bitCount(eight & HIGH_BITS);
        }
        for (; k < n; k++) {
            nonZero += labels[k] & 1;
            negative += (labels[k] >>> 7) & 1;
        }
        positives = nonZero - negative;
        labelled = nonZero;
    }

    /**
     * positive[k] ← [T = +1] and t[k] ← T² (whether the pair is labelled), over the held columns: the split every
     * pass that treats the two sides apart starts from.
     */
    void splitLabels(float[] positive) {
        int n = length;
        for (int k = 0; k < n; k++) {
            positive[k] = (t[k] + 1) * 0.5f * (t[k] * t[k]);
            t[k] *= t[k];
        }
    }

    /** Fills {@link #labels} and {@link #t} from the block's labels at {@code at}, for {@link #length} columns. */
    void copyLabels(byte[] block, int at) {
        int n = length;
        System.arraycopy(block, at, labels, 0, n);
        for (int k = 0; k < n; k++) t[k] = labels[k];
    }
}

package org.simexplorer.loss;

import java.util.Arrays;
import java.util.List;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.UndefinedException;

/**
 * The P labelled pairs of {@code rows} embeddings, the unit every loss, gradient and metric reads: pair p joins
 * rows {@code first[p] < second[p]} with label +1 (similar) or -1 (dissimilar). Checked on construction; the
 * arrays are shared, not copied, so callers must not change them afterwards.
 */
public final class LabelledPairs {

    private final int rows;
    private final int[] first;
    private final int[] second;
    private final byte[] labels;
    /**
     * Whether the pairs are in (i, j) order, as {@link #of} and a target list them, which the check finds for free:
     * runs ({@link PairRuns}) are then found by their ends, without reading every pair.
     */
    private final boolean ordered;

    /** @throws InvalidInputException for arrays of unequal length, an index out of range, i ≥ j, a label not ±1 or a repeat */
    public LabelledPairs(int rows, int[] first, int[] second, byte[] labels) {
        if (rows < 0) throw new InvalidInputException("rows is " + rows + "; it cannot be negative.");
        if (first == null || second == null || labels == null) {
            throw new InvalidInputException("The pairs need their first rows, second rows and labels.");
        }
        if (first.length != labels.length || second.length != labels.length) {
            throw new InvalidInputException("The pairs have " + first.length + " first rows, " + second.length
                    + " second rows and " + labels.length + " labels; the three must have the same length.");
        }
        boolean ascending = true;
        long previous = -1;
        for (int p = 0; p < labels.length; p++) {
            int i = first[p];
            int j = second[p];
            if (i < 0 || j >= rows || i >= j) {
                throw new InvalidInputException("pairs[" + p + "] is (" + i + ", " + j + "); with " + rows
                        + " rows a pair needs 0 ≤ i < j < " + rows + ".").with("pair", p);
            }
            if (labels[p] != 1 && labels[p] != -1) {
                throw new InvalidInputException("pairs[" + p + "].label is " + labels[p] + "; labels must be -1 or 1.")
                        .with("pair", p);
            }
            long key = key(i, j);
            ascending &= key > previous;
            previous = key;
        }
        if (!ascending) requireNoRepeats(first, second);
        this.rows = rows;
        this.first = first;
        this.second = second;
        this.labels = labels;
        this.ordered = ascending;
    }

    public int rows() {
        return rows;
    }

    /** Whether the pairs are in (i, j) order, so that a run's end costs O(log) reads. */
    boolean ordered() {
        return ordered;
    }

    /** i of each pair; shared, do not modify. */
    public int[] first() {
        return first;
    }

    /** j of each pair; shared, do not modify. */
    public int[] second() {
        return second;
    }

    /** The label of each pair, ±1; shared, do not modify. */
    public byte[] labels() {
        return labels;
    }

    /**
     * From typed pairs (as storage holds them): (i, j) and (j, i) are the same pair, label 0 means unlabelled and
     * is skipped. The result is ordered by (i, j), the order the dense matrix would list them in.
     *
     * @throws InvalidInputException naming {@code pairs[p]} for an index out of range, a pair on the diagonal, a label
     *                               other than -1, 0, 1, or a pair given twice
     */
    public static LabelledPairs of(int rows, List<LabelledPair> pairs) {
        long[] keys = new long[pairs.size()];
        int count = 0;
        for (int p = 0; p < pairs.size(); p++) {
            LabelledPair pair = pairs.get(p);
            // The messages are made only for a pair that fails: a target of millions of pairs passes through here.
            checkIndex(pair.i(), "i", rows, p);
            checkIndex(pair.j(), "j", rows, p);
            if (pair.i() == pair.j()) {
                throw new InvalidInputException("pairs[" + p + "] labels (" + pair.i() + ", " + pair.j()
                        + "), a pair on the diagonal: a sentence is not labelled against itself.").with("pair", p);
            }
            if (pair.label() < -1 || pair.label() > 1) {
                throw new InvalidInputException("pairs[" + p + "].label is " + pair.label() + "; labels must be -1, 0 or 1.")
                        .with("pair", p);
            }
            if (pair.label() != 0) keys[count++] = key(Math.min(pair.i(), pair.j()), Math.max(pair.i(), pair.j()));
        }
        long[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        for (int k = 1; k < count; k++) {
            if (sorted[k] == sorted[k - 1]) throw repeated(pairs, sorted[k]);
        }
        int[] first = new int[count];
        int[] second = new int[count];
        byte[] labels = new byte[count];
        for (int k = 0; k < count; k++) {
            first[k] = (int) (sorted[k] >>> 32);
            second[k] = (int) sorted[k];
        }
        for (LabelledPair pair : pairs) {
            if (pair.label() == 0) continue;
            int at = Arrays.binarySearch(sorted, key(Math.min(pair.i(), pair.j()), Math.max(pair.i(), pair.j())));
            labels[at] = (byte) pair.label();
        }
        return new LabelledPairs(rows, first, second, labels);
    }

    /** P, the number of labelled pairs. */
    public int size() {
        return labels.length;
    }

    public int positives() {
        int count = 0;
        for (byte label : labels) count += label > 0 ? 1 : 0;
        return count;
    }

    public int negatives() {
        return size() - positives();
    }

    /** @throws UndefinedException when nothing is labelled, so no loss is defined */
    public void requireAny() {
        if (size() == 0) {
            throw new UndefinedException("There are no labelled pairs: every label off the diagonal is 0, "
                    + "so the loss is undefined. Label at least one pair +1 or -1.");
        }
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | j;
    }

    private static void requireNoRepeats(int[] first, int[] second) {
        long[] keys = new long[first.length];
        for (int p = 0; p < keys.length; p++) keys[p] = key(first[p], second[p]);
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] != sorted[k - 1]) continue;
            int at = -1;
            for (int p = 0; p < keys.length; p++) {
                if (keys[p] != sorted[k]) continue;
                if (at >= 0) {
                    throw new InvalidInputException("pairs[" + p + "] repeats the pair (" + first[p] + ", " + second[p]
                            + "), which pairs[" + at + "] already gives; give each pair once.").with("pair", p);
                }
                at = p;
            }
        }
    }

    private static InvalidInputException repeated(List<LabelledPair> pairs, long key) {
        int at = -1;
        for (int p = 0; p < pairs.size(); p++) {
            LabelledPair pair = pairs.get(p);
            if (pair.label() == 0 || key(Math.min(pair.i(), pair.j()), Math.max(pair.i(), pair.j())) != key) continue;
            if (at >= 0) {
                return (InvalidInputException) new InvalidInputException("pairs[" + p + "] repeats the pair ("
                        + (key >>> 32) + ", " + (int) key + "), which pairs[" + at + "] already gives; give each pair once.")
                        .with("pair", p);
            }
            at = p;
        }
        throw new IllegalStateException("no repeat of " + key);
    }

    /** @param end which end of pairs[pair] the index is, i or j */
    private static void checkIndex(int index, String end, int rows, int pair) {
        if (index < 0 || index >= rows) {
            throw new InvalidInputException("pairs[" + pair + "]." + end + " is " + index + ", out of range: with " + rows
                    + " embeddings, indices run from 0 to " + (rows - 1) + ".").with("pair", pair);
        }
    }

    /**
     * Each row's place among the rows that some pair touches, in row order, or -1 for a row no pair touches:
     * the renumbering by which the loss paths gather only the touched rows.
     */
    int[] slots() {
        return PairRuns.of(this).slot();
    }

    /** The rows that some pair touches, in row order (the inverse of {@link #slots()}). */
    static int[] touched(int[] slots) {
        int m = 0;
        for (int s : slots) if (s >= 0) m++;
        int[] touched = new int[m];
        for (int i = 0; i < slots.length; i++) if (slots[i] >= 0) touched[slots[i]] = i;
        return touched;
    }
}

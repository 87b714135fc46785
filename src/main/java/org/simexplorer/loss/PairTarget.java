package org.simexplorer.loss;

import org.simexplorer.errors.TooLargeException;
import org.simexplorer.errors.InvalidInputException;
import java.util.BitSet;
import java.util.List;

/**
 * A symmetric n×n target of +1 (similar), -1 (dissimilar) and 0 (unlabelled) with an empty diagonal,
 * checked on the way in. Every problem is a 400 naming the offending entry.
 */
public final class PairTarget {

    /** n² labels and n² scores must fit Java arrays. */
    public static final int MAX_ROWS = 46_000;

    private final int n;
    private final byte[] labels;
    private final int labelledPairs;

    private PairTarget(int n, byte[] labels) {
        this.n = n;
        this.labels = labels;
        int labelled = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) labelled += labels[i * n + j] != 0 ? 1 : 0;
        }
        this.labelledPairs = labelled;
    }

    /**
     * From a dense n×n matrix of -1, 0 and 1 (row-major); the diagonal must be 0 and the matrix symmetric.
     * The web edge checks the JSON's shape and types before it calls this.
     */
    public static PairTarget fromLabels(int n, byte[] labels) {
        checkSize(n);
        if (labels.length != (long) n * n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i * n + i] != 0) {
                throw new InvalidInputException("target[" + i + "][" + i + "] is " + labels[i * n + i]
                        + ": the diagonal must be 0, a sentence is not labelled against itself.").with("row", i);
            }
            for (int j = i + 1; j < n; j++) {
                if (labels[i * n + j] != labels[j * n + i]) {
                    throw new InvalidInputException("The target is not symmetric: target[" + i + "][" + j + "] is "
                            + labels[i * n + j] + " but target[" + j + "][" + i + "] is " + labels[j * n + i] + ".")
                            .with("row", i).with("column", j);
                }
            }
        }
        return new PairTarget(n, labels);
    }

    /** From typed pairs, for services that read labels from storage. Same checks as the JSON forms. */
    public static PairTarget of(int n, List<LabelledPair> pairs) {
        Builder builder = new Builder(n);
        for (int p = 0; p < pairs.size(); p++) {
            LabelledPair pair = pairs.get(p);
            String where = "pairs[" + p + "]";
            checkRange(pair.i(), where + ".i", n, p);
            checkRange(pair.j(), where + ".j", n, p);
            if (pair.label() < -1 || pair.label() > 1) {
                throw new InvalidInputException(where + ".label is " + pair.label() + "; labels must be -1, 0 or 1.")
                        .with("pair", p);
            }
            builder.add(p, pair.i(), pair.j(), (byte) pair.label());
        }
        return builder.build();
    }

    /** From a dense matrix, for tests and the benchmark; same checks as {@link #fromLabels(int, byte[])}. */
    public static PairTarget fromArray(double[][] target) {
        int n = target.length;
        checkSize(n);
        byte[] labels = new byte[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = target[i][j];
                if (v != 1 && v != 0 && v != -1) {
                    throw new InvalidInputException("target[" + i + "][" + j + "] is " + v
                            + "; labels must be -1, 0 or 1.");
                }
                labels[i * n + j] = (byte) v;
            }
        }
        return fromLabels(n, labels);
    }

    public int size() {
        return n;
    }

    /** The labelled pairs i &lt; j in row-major order, the form every loss reads. */
    public LabelledPairs toLabelledPairs() {
        int count = labelledPairs();
        int[] first = new int[count];
        int[] second = new int[count];
        byte[] pairLabels = new byte[count];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                byte label = labels[i * n + j];
                if (label == 0) continue;
                first[p] = i;
                second[p] = j;
                pairLabels[p++] = label;
            }
        }
        return new LabelledPairs(n, first, second, pairLabels);
    }

    /** |P|: pairs i &lt; j with a non-zero label. */
    public int labelledPairs() {
        return labelledPairs;
    }

    /** @throws TooLargeException when n² labels would not fit */
    public static void checkSize(int n) {
        if (n > MAX_ROWS) {
            throw new TooLargeException("A loss batch can have at most " + MAX_ROWS + " rows; this one has " + n + ".")
                    .with("limit", MAX_ROWS);
        }
    }

    private static void checkRange(int index, String where, int n, int pair) {
        if (index < 0 || index >= n) {
            throw new InvalidInputException(where + " is " + index + ", out of range: with " + n
                    + " embeddings, indices run from 0 to " + (n - 1) + ".").with("pair", pair);
        }
    }

    /** Collects pairs into a symmetric matrix, refusing the diagonal and repeats. */
    private static final class Builder {
        private final int n;
        private final byte[] labels;
        private final BitSet given;

        Builder(int n) {
            checkSize(n);
            this.n = n;
            this.labels = new byte[Math.multiplyExact(n, n)];
            this.given = new BitSet(n * n);
        }

        void add(int p, int i, int j, byte label) {
            if (i == j) {
                throw new InvalidInputException("pairs[" + p + "] labels (" + i + ", " + j
                        + "), a pair on the diagonal: a sentence is not labelled against itself.").with("pair", p);
            }
            int a = Math.min(i, j);
            int b = Math.max(i, j);
            if (given.get(a * n + b)) {
                throw new InvalidInputException("pairs[" + p + "] repeats the pair (" + a + ", " + b
                        + "), which an earlier entry already gives; give each pair once.")
                        .with("pair", p);
            }
            given.set(a * n + b);
            labels[a * n + b] = label;
            labels[b * n + a] = label;
        }

        PairTarget build() {
            return new PairTarget(n, labels);
        }
    }
}

package org.simexplorer.loss;

import org.simexplorer.errors.TooLargeException;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A symmetric n×n target of +1 (similar), -1 (dissimilar) and 0 (unlabelled) with an empty diagonal,
 * checked on the way in. Every problem is a 400 naming the offending entry.
 */
public final class PairTarget {

    /** n² labels and n² scores must fit Java arrays. */
    public static final int MAX_ROWS = 46_000;

    private final int n;
    private final byte[] labels;
    private final int positives;
    private final int negatives;
    private final int[] rowPositives;
    private final int[] rowLabelled;

    private PairTarget(int n, byte[] labels) {
        this.n = n;
        this.labels = labels;
        this.rowPositives = new int[n];
        this.rowLabelled = new int[n];
        int pos = 0;
        int labelled = 0;
        for (int i = 0; i < n; i++) {
            int rowPos = 0;
            int rowAll = 0;
            for (int j = 0; j < n; j++) {
                byte t = labels[i * n + j];
                rowPos += t > 0 ? 1 : 0;
                rowAll += t != 0 ? 1 : 0;
            }
            rowPositives[i] = rowPos;
            rowLabelled[i] = rowAll;
            pos += rowPos;
            labelled += rowAll;
        }
        // Each pair was seen from both of its rows.
        this.positives = pos / 2;
        this.negatives = (labelled - pos) / 2;
    }

    /** From a JSON "target" matrix; n is the number of embeddings. */
    public static PairTarget fromMatrix(List<?> raw, int n) {
        if (raw == null) {
            throw new InvalidInputException("'target' is missing.");
        }
        checkSize(n);
        if (raw.size() != n) {
            throw new InvalidInputException("'target' has " + raw.size() + " rows but there are " + n
                    + " embeddings: it must be " + n + "×" + n + ".");
        }
        byte[] labels = new byte[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            if (!(raw.get(i) instanceof List<?> row)) {
                throw new InvalidInputException("target[" + i + "] is not a list: the target must be " + n + "×" + n + ".")
                        .with("row", i);
            }
            if (row.size() != n) {
                throw new InvalidInputException("target[" + i + "] has " + row.size() + " values; the target must be "
                        + n + "×" + n + ", one row and one column per embedding.").with("row", i);
            }
            for (int j = 0; j < n; j++) {
                labels[i * n + j] = label(row.get(j), "target[" + i + "][" + j + "]");
            }
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

    /** From a JSON "pairs" list of {"i", "j", "label"} objects. */
    public static PairTarget fromPairs(List<?> raw, int n) {
        if (raw == null) {
            throw new InvalidInputException("'pairs' is missing.");
        }
        Builder builder = new Builder(n);
        for (int p = 0; p < raw.size(); p++) {
            String where = "pairs[" + p + "]";
            if (!(raw.get(p) instanceof Map<?, ?> pair)) {
                throw new InvalidInputException(where + " must be an object like {\"i\": 0, \"j\": 1, \"label\": 1}.")
                        .with("pair", p);
            }
            int i = index(pair.get("i"), where + ".i", n, p);
            int j = index(pair.get("j"), where + ".j", n, p);
            Object rawLabel = pair.get("label");
            if (rawLabel == null) {
                throw new InvalidInputException(where + ".label is missing.").with("pair", p);
            }
            builder.add(p, i, j, label(rawLabel, where + ".label"));
        }
        return builder.build();
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

    /** From a dense matrix, for tests and the benchmark; same checks as {@link #fromMatrix(List, int)}. */
    public static PairTarget fromArray(double[][] target) {
        List<List<Double>> rows = new java.util.ArrayList<>();
        for (double[] row : target) {
            rows.add(java.util.Arrays.stream(row).boxed().toList());
        }
        return fromMatrix(rows, target.length);
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

    /** T_ij, for any i and j. */
    public int label(int i, int j) {
        return labels[i * n + j];
    }

    /** The n×n labels row-major; shared, do not modify. */
    byte[] labels() {
        return labels;
    }

    /** |P|: pairs i &lt; j with a non-zero label. */
    public int labelledPairs() {
        return positives + negatives;
    }

    /** |{j : T_ij = +1}|. */
    public int positivesInRow(int i) {
        return rowPositives[i];
    }

    /** |{j : T_ij ≠ 0}|; the diagonal is always 0. */
    public int labelledInRow(int i) {
        return rowLabelled[i];
    }

    public int positivePairs() {
        return positives;
    }

    public int negativePairs() {
        return negatives;
    }

    /** @throws DomainException 422 when nothing is labelled, so no loss is defined */
    void requireLabelledPairs() {
        if (labelledPairs() == 0) {
            throw new UndefinedException("There are no labelled pairs: every label off the diagonal is 0, "
                    + "so the loss is undefined. Label at least one pair +1 or -1.");
        }
    }

    private static void checkSize(int n) {
        if (n > MAX_ROWS) {
            throw new TooLargeException("A loss batch can have at most " + MAX_ROWS + " rows; this one has " + n + ".")
                    .with("limit", MAX_ROWS);
        }
    }

    private static byte label(Object value, String where) {
        if (!(value instanceof Number number)) {
            throw new InvalidInputException(where + " is " + (value == null ? "null" : "not a number")
                    + "; labels must be -1, 0 or 1.");
        }
        double v = number.doubleValue();
        if (v == 1) return 1;
        if (v == -1) return -1;
        if (v == 0) return 0;
        throw new InvalidInputException(where + " is " + number + "; labels must be -1, 0 or 1.");
    }

    private static int index(Object value, String where, int n, int pair) {
        if (value == null) {
            throw new InvalidInputException(where + " is missing.").with("pair", pair);
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(where + " must be an integer row index.").with("pair", pair);
        }
        double v = number.doubleValue();
        if (v < 0 || v >= n) {
            throw new InvalidInputException(where + " is " + number + ", out of range: with " + n
                    + " embeddings, indices run from 0 to " + (n - 1) + ".").with("pair", pair);
        }
        return (int) v;
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

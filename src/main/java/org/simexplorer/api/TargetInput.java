package org.simexplorer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.PairTarget;

/**
 * Reads the JSON forms of a loss target: "target" (an n×n matrix) or "pairs" (a list of {"i","j","label"}).
 * Lists arrive raw so that a wrong type is reported rather than coerced; the meaning (diagonal, symmetry, repeats,
 * ranges) is checked by {@link PairTarget}.
 */
final class TargetInput {

    private TargetInput() {
    }

    /** From a JSON "target" matrix; n is the number of embeddings. */
    static PairTarget fromMatrix(List<?> raw, int n) {
        if (raw == null) {
            throw new InvalidInputException("target", "'target' is missing.");
        }
        PairTarget.checkSize(n);
        if (raw.size() != n) {
            throw new InvalidInputException("target", "'target' has " + raw.size() + " rows but there are " + n
                    + " embeddings: it must be " + n + "×" + n + ".");
        }
        byte[] labels = new byte[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            if (!(raw.get(i) instanceof List<?> row)) {
                throw new InvalidInputException("target", "target[" + i + "] is not a list: the target must be "
                        + n + "×" + n + ".").with("row", i);
            }
            if (row.size() != n) {
                throw new InvalidInputException("target", "target[" + i + "] has " + row.size()
                        + " values; the target must be " + n + "×" + n + ", one row and one column per embedding.")
                        .with("row", i);
            }
            for (int j = 0; j < n; j++) {
                labels[i * n + j] = label(row.get(j), "target[" + i + "][" + j + "]");
            }
        }
        return PairTarget.fromLabels(n, labels);
    }

    /** From a JSON "pairs" list of {"i", "j", "label"} objects. */
    static PairTarget fromPairs(List<?> raw, int n) {
        if (raw == null) {
            throw new InvalidInputException("pairs", "'pairs' is missing.");
        }
        List<LabelledPair> pairs = new ArrayList<>(raw.size());
        for (int p = 0; p < raw.size(); p++) {
            String where = "pairs[" + p + "]";
            if (!(raw.get(p) instanceof Map<?, ?> pair)) {
                throw new InvalidInputException("pairs", where
                        + " must be an object like {\"i\": 0, \"j\": 1, \"label\": 1}.").with("pair", p);
            }
            int i = index(pair.get("i"), where + ".i", n, p);
            int j = index(pair.get("j"), where + ".j", n, p);
            Object rawLabel = pair.get("label");
            if (rawLabel == null) {
                throw new InvalidInputException("pairs", where + ".label is missing.").with("pair", p);
            }
            pairs.add(new LabelledPair(i, j, label(rawLabel, where + ".label")));
        }
        return PairTarget.of(n, pairs);
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
}

package org.simexplorer.formats;

import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;

/**
 * One pair from an uploaded file: either two sentence texts or two indices into the dataset, with the raw
 * label or score as written (null when the file has no label column).
 *
 * @param line      the file line the row starts on, for error messages
 * @param scoreKind true when the value came from a {@code score} column (graded), false for {@code label}
 */
public record PairRow(int line, String sentence1, String sentence2, Integer i, Integer j, String value,
        boolean scoreKind) {

    public boolean byIndex() {
        return i != null;
    }

    public boolean hasValue() {
        return value != null;
    }

    /**
     * The label as +1 or -1. A {@code label} of 1 means similar; 0 or -1 mean dissimilar (sentence-transformers
     * uses 0/1; this app uses ±1). A graded {@code score} (for example STS on 0–5) is similar when
     * {@code score >= threshold}.
     */
    public int plusMinusLabel(double threshold) {
        double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw unknownValue();
        }
        if (!Double.isFinite(number)) {
            throw unknownValue();
        }
        if (scoreKind) {
            return number >= threshold ? 1 : -1;
        }
        if (number == 1) return 1;
        if (number == 0 || number == -1) return -1;
        throw unknownValue();
    }

    private DomainException unknownValue() {
        String what = scoreKind ? "score '" + value + "' is not a number"
                : "label '" + value + "' is not one of 1, 0 or -1 (use a 'score' column for graded scores)";
        return new InvalidInputException("Line " + line + ": the " + what + ".").with("line", line);
    }
}

package org.simexplorer.api;

import org.simexplorer.errors.InvalidInputException;
import java.util.List;
import org.simexplorer.limits.RequestLimits;

/** Checks a JSON matrix such as "embeddings": non-empty, rectangular, numeric and finite. */
public final class EmbeddingInput {

    private EmbeddingInput() {
    }

    public static float[][] validate(List<?> raw, RequestLimits limits) {
        if (raw != null && raw.size() > limits.maxSentencesPerRequest()) {
            throw new InvalidInputException("'embeddings' has " + raw.size() + " rows; at most "
                    + limits.maxSentencesPerRequest() + " are allowed per request.");
        }
        return matrix(raw, "embeddings");
    }

    /**
     * A JSON matrix of finite 32-bit floats, every problem a 400 that names {@code field} and the entry.
     *
     * @throws InvalidInputException when it is missing, empty, ragged, or holds a non-number or a non-finite value
     */
    public static float[][] matrix(List<?> raw, String field) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException(field, "'" + field + "' is missing or empty: give a non-empty list of rows.");
        }
        float[][] matrix = new float[raw.size()][];
        int dimension = -1;
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof List<?> row)) {
                throw new InvalidInputException(field, field + "[" + i + "] is not a list of numbers.");
            }
            if (row.isEmpty()) {
                throw new InvalidInputException(field, field + "[" + i + "] is empty.");
            }
            if (dimension < 0) {
                dimension = row.size();
            } else if (row.size() != dimension) {
                throw new InvalidInputException(field, field + "[" + i + "] has " + row.size()
                        + " values but " + field + "[0] has " + dimension + ": rows must all have the same length.");
            }
            matrix[i] = new float[dimension];
            for (int k = 0; k < dimension; k++) {
                Object cell = row.get(k);
                if (!(cell instanceof Number number)) {
                    throw new InvalidInputException(field, field + "[" + i + "][" + k + "] is not a number.");
                }
                double value = number.doubleValue();
                float asFloat = (float) value;
                if (!Double.isFinite(value) || !Float.isFinite(asFloat)) {
                    throw new InvalidInputException(field, field + "[" + i + "][" + k + "] is " + value
                            + ": values must be finite 32-bit floats (no NaN or Infinity).");
                }
                matrix[i][k] = asFloat;
            }
        }
        return matrix;
    }
}

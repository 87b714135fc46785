package org.simexplorer.api;

import org.simexplorer.errors.InvalidInputException;
import java.util.List;
import org.simexplorer.system.RequestLimits;

/** Checks a JSON "embeddings" matrix: non-empty, rectangular, numeric and finite. */
public final class EmbeddingInput {

    private EmbeddingInput() {
    }

    public static float[][] validate(List<?> raw, RequestLimits limits) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("'embeddings' is missing or empty: give a non-empty list of rows.");
        }
        if (raw.size() > limits.maxSentencesPerRequest()) {
            throw new InvalidInputException("'embeddings' has " + raw.size() + " rows; at most "
                    + limits.maxSentencesPerRequest() + " are allowed per request.");
        }
        float[][] matrix = new float[raw.size()][];
        int dimension = -1;
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof List<?> row)) {
                throw new InvalidInputException("embeddings[" + i + "] is not a list of numbers.");
            }
            if (row.isEmpty()) {
                throw new InvalidInputException("embeddings[" + i + "] is empty.");
            }
            if (dimension < 0) {
                dimension = row.size();
            } else if (row.size() != dimension) {
                throw new InvalidInputException("embeddings[" + i + "] has " + row.size()
                        + " values but embeddings[0] has " + dimension + ": rows must all have the same length.");
            }
            matrix[i] = new float[dimension];
            for (int k = 0; k < dimension; k++) {
                Object cell = row.get(k);
                if (!(cell instanceof Number number)) {
                    throw new InvalidInputException("embeddings[" + i + "][" + k + "] is not a number.");
                }
                double value = number.doubleValue();
                float asFloat = (float) value;
                if (!Double.isFinite(value) || !Float.isFinite(asFloat)) {
                    throw new InvalidInputException("embeddings[" + i + "][" + k + "] is " + value
                            + ": values must be finite 32-bit floats (no NaN or Infinity).");
                }
                matrix[i][k] = asFloat;
            }
        }
        return matrix;
    }
}

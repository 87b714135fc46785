package org.simexplorer.training;

import java.util.Map;
import java.util.regex.Pattern;
import org.simexplorer.errors.InvalidInputException;

/**
 * The body of {@code POST /api/datasets/{id}/adapters}; absent fields take the documented defaults.
 *
 * @param rank "full" (default), "diagonal", or an integer r for W = I + U·Vᵀ
 */
record AdapterRequest(String name, String loss, Map<String, Object> params, Object rank, Integer steps,
        Double learningRate, Double regularization, Double validationFraction, Long seed) {

    static final int DEFAULT_STEPS = 300;
    static final int MAX_STEPS = 100_000;
    static final double DEFAULT_LEARNING_RATE = 1e-3;
    static final double DEFAULT_REGULARIZATION = 1e-3;
    static final double DEFAULT_VALIDATION_FRACTION = 0.2;
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    /** The request with defaults filled in and every field checked (400 naming the field). */
    AdapterRequest checked() {
        if (name == null || !NAME.matcher(name).matches()) {
            throw field("name", "'name' must be 1 to 40 characters of a-z, 0-9 and '-'"
                    + (name == null ? "; it is missing." : ", not \"" + name + "\"."));
        }
        int checkedSteps = steps == null ? DEFAULT_STEPS : steps;
        if (checkedSteps < 1 || checkedSteps > MAX_STEPS) {
            throw field("steps", "'steps' is " + checkedSteps + "; it must be from 1 to " + MAX_STEPS + ".");
        }
        double rate = positive("learningRate", learningRate, DEFAULT_LEARNING_RATE);
        double lambda = positive("regularization", regularization, DEFAULT_REGULARIZATION);
        double fraction = validationFraction == null ? DEFAULT_VALIDATION_FRACTION : validationFraction;
        if (!(fraction > 0 && fraction < 1)) {
            throw field("validationFraction", "'validationFraction' is " + fraction
                    + "; it must be greater than 0 and less than 1.");
        }
        return new AdapterRequest(name, loss, params, rank == null ? "full" : rank, checkedSteps, rate, lambda,
                fraction, seed == null ? 0L : seed);
    }

    private static double positive(String field, Double value, double fallback) {
        double checked = value == null ? fallback : value;
        if (!Double.isFinite(checked) || checked <= 0) {
            throw field(field, "'" + field + "' is " + checked + "; it must be a finite number greater than 0.");
        }
        return checked;
    }

    private static InvalidInputException field(String field, String detail) {
        return (InvalidInputException) new InvalidInputException(detail).with("field", field);
    }
}

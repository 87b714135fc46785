package org.simexplorer.training;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;
import org.simexplorer.errors.InvalidInputException;

/**
 * The body of {@code POST /api/datasets/{id}/adapters}; absent fields take the documented defaults.
 *
 * @param rank "full" (default), "diagonal", or an integer r for W = I + U·Vᵀ
 */
record AdapterRequest(
        @Schema(requiredMode = REQUIRED, description = "1 to 40 characters of a-z, 0-9 and '-'", example = "cosent-1")
        String name,
        @Schema(requiredMode = REQUIRED, description = "a loss id from GET /api/losses", example = "cosent")
        String loss,
        @Schema(description = "the loss's parameters by name, e.g. {\"scale\": 20}",
                additionalPropertiesSchema = Double.class) Map<String, Object> params,
        @Schema(description = "\"full\" (default), \"diagonal\", or an integer r for W = I + U·Vᵀ",
                oneOf = {String.class, Integer.class}, example = "full") Object rank,
        @Schema(implementation = Integer.class, description = "Adam steps, 1 to 100000", defaultValue = "300",
                example = "300") Number steps,
        @Schema(description = "Adam's learning rate; 0.001 when absent") Double learningRate,
        @Schema(description = "λ of λ‖W − I‖²; 0.001 when absent") Double regularization,
        @Schema(description = "share of the labelled pairs kept for validation, between 0 and 1; 0.2 when"
                + " absent") Double validationFraction,
        @Schema(implementation = Long.class, description = "seeds the training/validation split",
                defaultValue = "0", example = "0") Number seed) {

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
        long checkedSteps = whole("steps", steps, DEFAULT_STEPS);
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
        return new AdapterRequest(name, loss, params, rank == null ? "full" : rank, (int) checkedSteps, rate, lambda,
                fraction, whole("seed", seed, 0L));
    }

    /** The checked steps, a whole number. */
    int stepCount() {
        return steps.intValue();
    }

    /** The checked seed, a whole number. */
    long seedValue() {
        return seed.longValue();
    }

    /** JSON reads 1.5 into a Number as a fraction; a count or a seed must not silently become 1. */
    private static long whole(String field, Number value, long fallback) {
        if (value == null) return fallback;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) return big.longValue();
        double number = value.doubleValue();
        if (value instanceof BigInteger || number != Math.rint(number) || Math.abs(number) > 1e15) {
            throw field(field, "'" + field + "' is " + value + "; it must be a whole number.");
        }
        return (long) number;
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

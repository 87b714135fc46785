package org.simexplorer.loss;

import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A loss's parameters after applying a request's overrides to the defaults, in declaration order. */
public final class LossParameters {

    private final Map<String, Double> values;

    private LossParameters(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static LossParameters defaults(PairLoss loss) {
        return resolve(loss, Map.of());
    }

    /**
     * @param overrides raw JSON values by name; null means none
     * @throws DomainException 400 for an unknown name, a non-number, a non-finite value or a bad sign
     */
    public static LossParameters resolve(PairLoss loss, Map<String, ?> overrides) {
        Map<String, Double> values = new LinkedHashMap<>();
        loss.parameters().forEach(p -> values.put(p.name(), p.defaultValue()));
        if (overrides == null) {
            return new LossParameters(values);
        }
        for (Map.Entry<String, ?> entry : overrides.entrySet()) {
            String name = entry.getKey();
            LossParameter parameter = find(loss.parameters(), name);
            if (parameter == null) {
                String known = loss.parameters().isEmpty() ? "it has no parameters"
                        : "its parameters are " + loss.parameters().stream().map(LossParameter::name)
                                .collect(Collectors.joining(", "));
                throw new InvalidInputException("Unknown parameter '" + name + "' for loss '" + loss.id() + "': "
                        + known + ".").with("parameter", name);
            }
            if (!(entry.getValue() instanceof Number number)) {
                throw new InvalidInputException("Parameter '" + name + "' must be a number.").with("parameter", name);
            }
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                throw new InvalidInputException("Parameter '" + name + "' must be finite.").with("parameter", name);
            }
            if (parameter.mustBePositive() && value <= 0) {
                throw new InvalidInputException("Parameter '" + name + "' is " + value + "; it must be greater than 0.")
                        .with("parameter", name);
            }
            values.put(name, value);
        }
        return new LossParameters(values);
    }

    private static LossParameter find(List<LossParameter> parameters, String name) {
        for (LossParameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter;
            }
        }
        return null;
    }

    public double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No parameter " + name);
        }
        return value;
    }

    public Map<String, Double> asMap() {
        return values;
    }
}

package org.simexplorer.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller can act on, raised by the core and the features without knowing how it reaches the
 * caller. The web edge maps each subtype to one HTTP status; {@link #properties()} become problem-detail members.
 */
public abstract class DomainException extends RuntimeException {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected DomainException(String detail) {
        super(detail);
    }

    /** Adds a machine-readable member (an index, a line, a limit, the known ids) to the problem. */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

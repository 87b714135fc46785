package org.simexplorer.errors;

/** Malformed or out-of-range input; {@code field} names the offending input when one can be named. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String detail) {
        super(detail);
    }

    public InvalidInputException(String field, String detail) {
        super(detail);
        with("field", field);
    }
}

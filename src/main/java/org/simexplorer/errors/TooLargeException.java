package org.simexplorer.errors;

/** Input over a configured size limit. */
public class TooLargeException extends DomainException {

    public TooLargeException(String detail) {
        super(detail);
    }
}

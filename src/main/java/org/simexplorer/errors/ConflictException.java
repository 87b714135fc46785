package org.simexplorer.errors;

/** A request that contradicts what is stored: a name already taken, a thing still in use. */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }
}

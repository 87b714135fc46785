package org.simexplorer.errors;

/** A dataset, model, loss or adapter that does not exist. */
public class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(detail);
    }
}

package org.simexplorer.errors;

/** Well-formed input on which the requested loss or metric does not exist (for example: no labelled pairs). */
public class UndefinedException extends DomainException {

    public UndefinedException(String detail) {
        super(detail);
    }
}

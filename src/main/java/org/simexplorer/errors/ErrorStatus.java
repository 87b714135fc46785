package org.simexplorer.errors;

/**
 * The one mapping from domain failures to HTTP status codes, as plain numbers so that this package stays free of
 * web types. The error advice and the features that record a failure's status (a job, a page) share it.
 */
public final class ErrorStatus {

    public static final int BAD_REQUEST = 400;
    public static final int NOT_FOUND = 404;
    public static final int CONFLICT = 409;
    public static final int CONTENT_TOO_LARGE = 413;
    public static final int UNPROCESSABLE_CONTENT = 422;
    public static final int SERVICE_UNAVAILABLE = 503;

    private ErrorStatus() {
    }

    /** The HTTP status code that reports {@code e} to the caller. */
    public static int of(DomainException e) {
        if (e instanceof NotFoundException) return NOT_FOUND;
        if (e instanceof UndefinedException) return UNPROCESSABLE_CONTENT;
        if (e instanceof TooLargeException) return CONTENT_TOO_LARGE;
        if (e instanceof ConflictException) return CONFLICT;
        if (e instanceof OverloadedException) return SERVICE_UNAVAILABLE;
        return BAD_REQUEST;
    }
}

package org.simexplorer.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem-detail statuses an /api operation can answer with. The API document lists each one, with its
 * meaning and the RFC 9457 body (and Retry-After for 503), so controllers need no wall of response annotations.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    /** HTTP statuses, for example {@code {400, 404, 503}}. */
    int[] value();
}

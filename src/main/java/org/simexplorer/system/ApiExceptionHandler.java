package org.simexplorer.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.ErrorStatus;
import org.simexplorer.errors.OverloadedException;
import org.simexplorer.errors.TooLargeException;
import org.simexplorer.metrics.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place that turns exceptions into RFC 9457 problem details. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Absent in test slices that run without metrics. */
    private final ObjectProvider<MeterRegistry> meters;

    ApiExceptionHandler(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> handleDomain(DomainException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(ErrorStatus.of(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e instanceof OverloadedException overloaded) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(overloaded.retryAfterSeconds()));
            countRefused(request);
        }
        return response.body(problem);
    }

    private void countRefused(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        meters.ifAvailable(registry -> Counter.builder(MeterNames.REQUESTS_REFUSED)
                .description("Requests answered 503 with Retry-After")
                .tag("method", request.getMethod())
                .tag("uri", pattern != null ? pattern.toString() : "UNKNOWN")
                .register(registry).increment());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String detail = "Parameter '" + e.getName() + "' has an invalid value: " + e.getValue();
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    /** A multipart body without a boundary, cut off or otherwise unreadable (a body over the limit is a 413). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleMalformedMultipart(MultipartException e) {
        Throwable cause = e.getMostSpecificCause();
        String reason = cause != e && cause.getMessage() != null ? ": " + cause.getMessage() : ".";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The multipart/form-data body cannot be read" + reason);
        problem.setTitle("Malformed multipart body");
        return ResponseEntity.badRequest().body(problem);
    }

    /** A form body whose percent-escapes are not UTF-8 (the query string is checked earlier, by ParameterEncodingCheck). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleMalformedParameters(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request's parameters are not valid percent-encoded UTF-8.");
        problem.setTitle("Malformed parameters");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        log.error("Unexpected error", e);
        if (isPageRequest(request)) {
            response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
            return null;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A body cut off at its size cap (JsonBodyLimitFilter) reaches here wrapped by the JSON parser.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLargeException tooLarge) return new ResponseEntity<>(handleDomain(tooLarge, null)
                    .getBody(), HttpStatus.CONTENT_TOO_LARGE);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(e));
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Tomcat reports -1 when the limit it hit is not known to Spring.
        String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : "";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The upload is larger than the limit" + limit + " (spring.servlet.multipart.max-file-size).");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    /** A browser asking for an unknown page gets the HTML error page; API clients get a problem detail. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && isPageRequest(servlet.getRequest())
                && servlet.getResponse() != null) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (IOException ignored) {
                // fall back to the problem detail
            }
        }
        return super.handleNoResourceFoundException(e, headers, status, request);
    }

    /**
     * Returning null after sendError hands the response to Spring Boot's error page (templates/error.html),
     * so a person sees a readable page rather than JSON.
     */
    private static boolean isPageRequest(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    /** Jackson's message names the line and column; keep that, drop the Java type names around it. */
    private static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause.getMessage();
        if (message == null || cause == e) {
            return "The request body is missing or is not valid JSON.";
        }
        int sourceRef = message.indexOf(" at [Source");
        String location = "";
        int lineAt = message.indexOf("line: ");
        if (lineAt >= 0) {
            int end = message.indexOf(']', lineAt);
            location = " (" + message.substring(lineAt, end < 0 ? message.length() : end) + ")";
        }
        String head = sourceRef > 0 ? message.substring(0, sourceRef) : message;
        head = head.lines().findFirst().orElse(head);
        return "The request body is not valid JSON: " + head.trim() + location;
    }
}

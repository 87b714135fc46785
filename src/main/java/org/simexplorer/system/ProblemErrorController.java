package org.simexplorer.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page every error no handler answered ends on (an exception in a filter, a container refusal such as
 * TRACE): a problem detail for scripts and everything under /api, the HTML page for a person, both with the
 * security headers. It reads no request parameter, as a malformed query string may be why it was called, and
 * asked for directly it is a 404 like any path with nothing there.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problemOf(request);
        if (isApi(request)) {
            Problems.write(response, problem.getStatus(), problem.getTitle(), problem.getDetail());
            return null;
        }
        SecurityHeaders.apply(response);
        return new ModelAndView("error", Map.of("status", problem.getStatus(), "detail", problem.getDetail()),
                HttpStatus.valueOf(problem.getStatus()));
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        ProblemDetail problem = problemOf(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        SecurityHeaders.all().forEach(answer::header);
        return answer.body(problem);
    }

    private static ProblemDetail problemOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(code instanceof Integer status)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "There is nothing at " + request.getRequestURI() + ".");
        }
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException || t instanceof MultipartException
                    || t instanceof RequestRejectedException) {
                return withInstance(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The request is malformed: " + firstLine(t.getMessage())), uri);
            }
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answered = known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = answered.is5xxServerError() ? "An unexpected error occurred; it has been logged."
                : "The server refused the request (" + answered.getReasonPhrase() + ").";
        return withInstance(ProblemDetail.forStatusAndDetail(answered, detail), uri);
    }

    private static ProblemDetail withInstance(ProblemDetail problem, Object uri) {
        if (uri instanceof String path) problem.setProperty("path", path);
        return problem;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && uri.startsWith(request.getContextPath() + "/api/");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

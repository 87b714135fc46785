package org.simexplorer.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to a request it refuses before the application sees it (a URL or header over the size bound,
 * {@code %00} or an encoded {@code ../} in the path): a problem detail with the security headers, in place of
 * Tomcat's HTML page. Errors inside the application still go to its error page, as before.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String message = response.getMessage();
        String detail = message != null && !message.isBlank() ? "The server refused the request: " + message + "."
                : "The server refused the request.";
        try {
            SecurityHeaders.apply(response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":" + Problems.quote(title) + ",\"status\":" + status
                        + ",\"detail\":" + Problems.quote(detail) + "}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was committed meanwhile; there is no one left to tell
        }
    }
}

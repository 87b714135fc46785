package org.simexplorer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.simexplorer.errors.TooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies (simexplorer.limits.max-json-body) before they are parsed: a declared
 * Content-Length over the cap is refused with 413 at once, unread; a body without one (chunked) is counted
 * while the parser reads it and fails with 413 as it passes the cap, so no parser ever holds more than that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;

    /** Reads the one property it needs (RequestLimits#maxJsonBody) so that every web slice gets the filter as is. */
    public JsonBodyLimitFilter(@Value("${simexplorer.limits.max-json-body:16MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isJson(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            Problems.write(response, 413, "Request body too large", message(declared));
            return;
        }
        chain.doFilter(new Capped(request), response);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || (type.getSubtype().endsWith("+json") && !type.isWildcardSubtype());
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    private String message(long bytes) {
        return "The JSON body has " + (bytes > limit ? "more than " + limit : bytes) + " bytes; at most " + limit
                + " are allowed (simexplorer.limits.max-json-body).";
    }

    /** A request whose input stream counts what is read and stops at the cap. */
    private final class Capped extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Capped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Counting(super.getInputStream());
            return stream;
        }
    }

    private final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        private int count(int n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw (TooLargeException) new TooLargeException(message(read)).with("limit", limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

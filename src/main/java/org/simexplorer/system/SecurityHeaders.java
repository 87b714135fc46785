package org.simexplorer.system;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response headers every answer carries, as Spring Security writes them on normal answers. Answers written
 * before or outside its filter chain (refusals in earlier filters, Tomcat's own rejections, the error page) set
 * them from here, so that no answer lacks them.
 */
public final class SecurityHeaders {

    /** Scripts and styles from this server only: no inline script, no eval, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("X-Content-Type-Options", "nosniff");
        HEADERS.put("X-XSS-Protection", "0");
        HEADERS.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        HEADERS.put("Pragma", "no-cache");
        HEADERS.put("Expires", "0");
        HEADERS.put("X-Frame-Options", "DENY");
        HEADERS.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        HEADERS.put("Referrer-Policy", "same-origin");
    }

    private SecurityHeaders() {
    }

    public static Map<String, String> all() {
        return Map.copyOf(HEADERS);
    }

    public static void apply(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}

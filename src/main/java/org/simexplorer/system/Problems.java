package org.simexplorer.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes an RFC 9457 problem detail from a servlet filter, where the exception handler cannot reach, with the
 * security headers of every other answer.
 */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        write(response, status, title, detail, null, null);
    }

    /** As {@link #write(HttpServletResponse, int, String, String)}, with one more member when name is not null. */
    public static void write(HttpServletResponse response, int status, String title, String detail, String name,
            String value) throws IOException {
        response.setStatus(status);
        SecurityHeaders.apply(response);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + (name == null ? "" : "," + quote(name) + ":" + quote(value)) + "}");
    }

    /** JSON string literal; escapes everything a header value could smuggle in. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

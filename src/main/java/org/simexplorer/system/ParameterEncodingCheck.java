package org.simexplorer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not percent-encoded UTF-8 with a 400 naming the parameter, before anything
 * reads the parameters: the container would otherwise fail on the first read, wherever that happens to be. The
 * API takes no form-encoded body, so a PUT, PATCH or DELETE with one (which a filter would parse before any
 * handler) is a 415 under /api; a POST with one reaches the handlers, where bad escapes are a 400 too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class ParameterEncodingCheck extends OncePerRequestFilter {

    /** The methods whose form-encoded bodies Spring's FormContentFilter parses before any handler runs. */
    private static final Set<String> FORM_PARSED = Set.of("PUT", "PATCH", "DELETE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String bad = query == null ? null : badParameter(query);
        if (bad != null) {
            Problems.write(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed query string",
                    "Query parameter '" + bad + "' is not valid percent-encoded UTF-8.", "field", bad);
            return;
        }
        if (FORM_PARSED.contains(request.getMethod()) && isForm(request.getContentType())
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Problems.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "The API takes JSON, CSV, JSONL or multipart/form-data bodies, not form-encoded ones.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(
                MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /**
     * The name of the first parameter whose name or value does not decode (as far as the name decodes), or null
     * when every one does.
     */
    static String badParameter(String query) {
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String decodedName = decode(name);
            if (decodedName == null) return name;
            if (equals >= 0 && decode(pair.substring(equals + 1)) == null) return decodedName;
        }
        return null;
    }

    /** The decoded text, or null when an escape is broken or the bytes are not UTF-8. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int k = 0; k < encoded.length(); k++) {
            char c = encoded.charAt(k);
            if (c == '%') {
                if (k + 2 >= encoded.length()) return null;
                int high = Character.digit(encoded.charAt(k + 1), 16);
                int low = Character.digit(encoded.charAt(k + 2), 16);
                if (high < 0 || low < 0) return null;
                bytes.write(high * 16 + low);
                k += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

package org.simexplorer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that a browser made on behalf of another site with any method but GET, HEAD and OPTIONS.
 *
 * <p>Browsers send Sec-Fetch-Site and Origin on such requests and pages cannot forge them. A request is
 * refused when Sec-Fetch-Site is {@code cross-site} or {@code same-site} (a sibling subdomain is a
 * different origin and may belong to someone else), or when Origin is present and is not this server's
 * own origin. Scripts and command-line clients send neither header and pass: they carry no cookies a
 * forged request could ride on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    /** Methods that only read; every other method, including ones unknown today, is checked. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod())) {
            String reason = refusalReason(request);
            if (reason != null) {
                Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused", reason);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the request must be refused, or null when it may proceed. */
    static String refusalReason(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (site.equals("cross-site") || site.equals("same-site")) {
                return "This request came from another site (Sec-Fetch-Site: " + site
                        + ") and may not change data here.";
            }
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return "This request came from origin " + origin + ", not from this server, and may not change data here.";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        if (origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            return uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}

package org.simexplorer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF tokens for the HTML forms (everything outside /api/). A page request gets a per-session token as
 * the request attribute {@value #ATTRIBUTE}; forms echo it in the {@value #PARAMETER} field (or the
 * {@value #HEADER} header) and a state-changing form post without the matching token is refused.
 * The JSON API under /api/ needs no token: {@link CrossSiteRequestFilter} guards it by Origin and
 * Sec-Fetch-Site, so scripts keep calling it as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class FormTokenFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = "csrfToken";
    public static final String PARAMETER = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = FormTokenFilter.class.getName() + ".token";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/js/") || path.startsWith("/css/")
                || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (STATE_CHANGING.contains(request.getMethod())) {
            HttpSession session = request.getSession(false);
            String expected = session == null ? null : (String) session.getAttribute(SESSION_KEY);
            String sent = request.getHeader(HEADER);
            if (sent == null) {
                sent = request.getParameter(PARAMETER);
            }
            if (expected == null || sent == null || !MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
                Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Form expired",
                        "The form's security token is missing or out of date. Reload the page and try again.");
                return;
            }
        }
        request.setAttribute(ATTRIBUTE, tokenOf(request.getSession(true)));
        chain.doFilter(request, response);
    }

    private static String tokenOf(HttpSession session) {
        String token = (String) session.getAttribute(SESSION_KEY);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_KEY, token);
        }
        return token;
    }
}

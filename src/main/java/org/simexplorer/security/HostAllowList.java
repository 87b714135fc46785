package org.simexplorer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.simexplorer.system.Problems;
import org.simexplorer.system.SecurityHeaders;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers only requests addressed to a known host name. A DNS-rebinding page points its own name at this
 * machine and then talks to the app as "same origin": its requests carry that foreign name in Host, so they are
 * refused here (421 Misdirected Request) before anything else runs. Registered by {@link WebSecurity}, first of
 * all filters.
 */
public class HostAllowList extends OncePerRequestFilter {

    static final int MISDIRECTED = 421;
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed = new TreeSet<>();
    private final MessageSource messages;

    HostAllowList(SecuritySettings settings, MessageSource messages) {
        this.messages = messages;
        allowed.addAll(LOCAL);
        settings.allowedHosts().forEach(host -> allowed.add(normalise(host)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = normalise(request.getServerName());
        if (allowed.contains(host)) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = request.getLocale();
        String title = messages.getMessage("misdirected.title", null, locale);
        String detail = messages.getMessage("misdirected.detail", new Object[] {host}, locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Problems.write(response, MISDIRECTED, title, detail);
            return;
        }
        response.setStatus(MISDIRECTED);
        SecurityHeaders.apply(response);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title></head>\n<body><h1>" + HtmlUtils.htmlEscape(title)
                + "</h1>\n<p>" + HtmlUtils.htmlEscape(detail) + "</p></body></html>\n");
    }

    /**
     * Lower case, without a trailing dot; an IPv6 literal in brackets, as it appears in a Host header
     * (servlet containers differ on whether getServerName keeps the brackets).
     */
    static String normalise(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return h;
    }
}

package org.simexplorer.clients;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.simexplorer.system.Problems;

/**
 * Counts the requests in progress, per client address and in all, before anything reads a body: a client past
 * its share gets 429, and past the threads left after the health reserve everyone but a health probe gets 503.
 * A refused request's body is not read: the connection is closed instead, so a slow body cannot hold the
 * thread that refused it.
 */
final class RequestsInProgress extends ValveBase {

    private static final String HEALTH = "/actuator/health";

    private final int perAddress;
    private final int total;
    private final ConcurrentHashMap<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger all = new AtomicInteger();

    /**
     * @param perAddress requests one address may have in progress
     * @param total      requests all clients together may have in progress, health probes excepted
     */
    RequestsInProgress(int perAddress, int total) {
        super(true);
        this.perAddress = perAddress;
        this.total = total;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (isHealthProbe(request)) {
            getNext().invoke(request, response);
            return;
        }
        String address = String.valueOf(request.getRemoteAddr());
        AtomicInteger mine = byAddress.computeIfAbsent(address, a -> new AtomicInteger());
        int ofAddress = mine.incrementAndGet();
        int ofAll = all.incrementAndGet();
        try {
            if (ofAddress > perAddress) {
                refuse(request, response, 429, "Too many requests", "This address has " + perAddress
                        + " requests in progress already; wait for them to finish.");
            } else if (ofAll > total) {
                refuse(request, response, 503, "Server busy", "The server has " + total
                        + " requests in progress; try again in a moment.");
            } else {
                getNext().invoke(request, response);
            }
        } finally {
            all.decrementAndGet();
            if (mine.decrementAndGet() == 0) byAddress.remove(address, mine);
        }
    }

    private static boolean isHealthProbe(Request request) {
        String uri = request.getRequestURI();
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) && uri != null
                && (uri.equals(HEALTH) || uri.startsWith(HEALTH + "/"));
    }

    private static void refuse(Request request, Response response, int status, String title, String detail)
            throws IOException {
        // Tomcat would otherwise read (swallow) the unread body before closing, at the slow client's pace.
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        Problems.write(response, status, title, detail);
        response.flushBuffer();
        // Not swallowing counts as an error to Tomcat; this answer is its report, not the app's error page.
        response.getCoyoteResponse().setErrorReported();
    }
}

package org.simexplorer.clients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on what slow or many clients may hold (simexplorer.clients.*), so that they cannot take every server
 * thread. Tomcat has no minimum data rate; server.tomcat.connection-timeout bounds the wait for the headers and
 * for each read of a body instead.
 *
 * @param maxRequestsPerAddress requests one client address may have in progress at once; past it, 429
 * @param reservedForHealth     server threads only health probes may use; past the rest, other requests get 503
 */
@ConfigurationProperties("simexplorer.clients")
public record ClientLimits(Integer maxRequestsPerAddress, Integer reservedForHealth) {

    public ClientLimits {
        if (maxRequestsPerAddress == null) maxRequestsPerAddress = 64;
        if (reservedForHealth == null) reservedForHealth = 8;
    }
}

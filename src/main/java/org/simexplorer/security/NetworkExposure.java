package org.simexplorer.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Whether other machines can reach the app, and so whether it asks for a login. Decided once at start-up from
 * server.address: a loopback address (the default 127.0.0.1) is reachable from this machine only and stays
 * login-free; anything else, including an unset address (every interface), requires a login, and the app
 * refuses to start without users unless anonymous access is allowed on purpose.
 */
public final class NetworkExposure {

    private static final Logger log = LoggerFactory.getLogger(NetworkExposure.class);

    private final String address;
    private final Map<String, String> users;
    private final boolean loginRequired;

    NetworkExposure(Environment environment, SecuritySettings settings) {
        this.address = environment.getProperty("server.address", "");
        this.users = settings.userHashes();
        boolean reachable = settings.requireLogin() != null ? settings.requireLogin() : !isLoopback(address);
        if (reachable && users.isEmpty()) {
            if (!settings.allowAnonymous()) {
                throw new UnsafeNetworkSettingsException("The app would listen on "
                        + (address.isBlank() ? "every network interface" : "address " + address)
                        + " without any user to log in: refusing to start.");
            }
            log.warn("Serving {} without login because simexplorer.security.allow-anonymous=true: anyone who can"
                    + " reach this port can read and change every dataset.",
                    address.isBlank() ? "every network interface" : address);
        }
        this.loginRequired = reachable && !users.isEmpty();
    }

    public boolean loginRequired() {
        return loginRequired;
    }

    /** Configured users, name to bcrypt hash. */
    Map<String, String> users() {
        return users;
    }

    /** True for 127.0.0.0/8, ::1 and names resolving to them (localhost); false for none, 0.0.0.0 and the rest. */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            for (InetAddress resolved : InetAddress.getAllByName(address.strip())) {
                if (!resolved.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

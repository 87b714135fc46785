package org.simexplorer.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may reach the app and under which names.
 *
 * @param allowedHosts host names (besides localhost, 127.0.0.1 and [::1]) that requests may be addressed to
 * @param users        {@code name:bcrypt-hash} entries; a comma-separated list in one property or environment
 *                     variable ({@code SIMEXPLORER_SECURITY_USERS})
 * @param allowAnonymous start without users on a non-loopback address, on purpose
 * @param requireLogin  null: login is required exactly when server.address is not loopback; true or false forces it
 *                     (true is for a reverse proxy on the same machine, which makes a loopback app public)
 */
@ConfigurationProperties("simexplorer.security")
public record SecuritySettings(List<String> allowedHosts, List<String> users, boolean allowAnonymous,
        Boolean requireLogin) {

    /** What Spring Security's BCryptPasswordEncoder accepts: $2a$, $2b$ or $2y$, cost, 53 characters. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    public SecuritySettings {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(String::strip)
                .filter(h -> !h.isEmpty()).toList();
        users = users == null ? List.of() : users.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
    }

    /**
     * The configured users, name to bcrypt hash. A plain password where a hash belongs is refused rather than
     * accepted: it would sit readable in a file or the environment.
     */
    public Map<String, String> userHashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String entry : users) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).strip();
            String hash = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (name.isEmpty()) {
                throw new UnsafeNetworkSettingsException("A simexplorer.security.users entry has no user name: each"
                        + " entry is name:bcrypt-hash.");
            }
            if (!BCRYPT.matcher(hash).matches()) {
                throw new UnsafeNetworkSettingsException("The password of user '" + name + "' in"
                        + " simexplorer.security.users is not a bcrypt hash ($2a$, $2b$ or $2y$ followed by the cost"
                        + " and 53 characters). Plain passwords are not accepted.");
            }
            if (hashes.put(name, hash) != null) {
                throw new UnsafeNetworkSettingsException("User '" + name
                        + "' appears twice in simexplorer.security.users.");
            }
        }
        return hashes;
    }
}

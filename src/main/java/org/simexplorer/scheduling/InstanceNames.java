package org.simexplorer.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names that tell the instances on one database apart, in the rows they claim and in their logs. */
final class InstanceNames {

    /** The width of scheduled_tasks.picked_by. */
    static final int MAX_LENGTH = 50;

    private InstanceNames() {
    }

    /** The host name, the process id and a random suffix, since two processes may share a host and a pid may be reused. */
    static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        String suffix = "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        int room = MAX_LENGTH - suffix.length();
        return (host.length() > room ? host.substring(0, room) : host) + suffix;
    }
}

package org.simexplorer.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this instance claims background work from the scheduled_tasks table (simexplorer.scheduling.*).
 *
 * @param instanceName      the name this instance writes into the rows it claims; unique per process
 * @param threads           background executions that run at once on this instance
 * @param pollingInterval   how often the table is asked for due work
 * @param heartbeatInterval how often a running execution shows that its instance is alive
 * @param missedHeartbeats  heartbeats an execution may miss before another instance takes it over
 */
@ConfigurationProperties("simexplorer.scheduling")
public record SchedulingProperties(String instanceName, Integer threads, Duration pollingInterval,
        Duration heartbeatInterval, Integer missedHeartbeats) {

    public SchedulingProperties {
        if (instanceName == null || instanceName.isBlank()) instanceName = InstanceNames.generated();
        if (instanceName.length() > InstanceNames.MAX_LENGTH) {
            throw new IllegalArgumentException("simexplorer.scheduling.instance-name is " + instanceName.length()
                    + " characters long; it may have at most " + InstanceNames.MAX_LENGTH + ".");
        }
        if (threads == null || threads < 1) threads = 3;
        if (pollingInterval == null || pollingInterval.isNegative() || pollingInterval.isZero()) {
            pollingInterval = Duration.ofSeconds(2);
        }
        if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            heartbeatInterval = Duration.ofSeconds(2);
        }
        if (missedHeartbeats == null) missedHeartbeats = 4;
        if (missedHeartbeats < 4) {
            throw new IllegalArgumentException("simexplorer.scheduling.missed-heartbeats is " + missedHeartbeats
                    + "; db-scheduler needs at least 4.");
        }
    }

    /** How long after its last heartbeat an execution counts as dead and is taken over. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeats);
    }
}

package org.simexplorer.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The one db-scheduler of this process. Every {@link Task} bean is a known task. The scheduler starts once the
 * application context (and so Flyway) is ready and stops before the data source closes. On PostgreSQL it claims
 * due rows with {@code SELECT … FOR UPDATE SKIP LOCKED}, so instances on one database never take the same row;
 * on H2, the embedded single-instance default, it locks each row as it executes it.
 */
@Component
public class BackgroundScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundScheduler.class);

    private final SchedulerBuilder builder;
    private final SchedulingProperties properties;
    private volatile Scheduler scheduler;

    BackgroundScheduler(DataSource dataSource, List<Task<?>> tasks, SchedulingProperties properties) {
        this.properties = properties;
        // Transaction-aware, so that a job row and its scheduled execution commit together or not at all.
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        SchedulerBuilder builder = Scheduler.create(transactional, tasks)
                .schedulerName(new SchedulerName.Fixed(properties.instanceName()))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10));
        if (isPostgres(dataSource)) builder.pollUsingLockAndFetch(0.5, 1.0);
        this.builder = builder;
        this.scheduler = builder.build();
    }

    /** The scheduler, to schedule, reschedule or cancel executions. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Looks for due executions now rather than at the next poll. For work scheduled inside a transaction: the
     * check db-scheduler makes when an execution is scheduled runs before the commit and finds nothing, so the
     * caller asks again once the transaction has committed.
     */
    public void checkNow() {
        if (isRunning()) scheduler.triggerCheckForDueExecutions();
    }

    /** This instance's name, as written into the rows it claims. */
    public String instanceName() {
        return properties.instanceName();
    }

    @Override
    public void start() {
        // A db-scheduler does not start again once stopped; a context that is stopped and started again (as the
        // test framework does with the contexts it caches) gets a new one on the same table.
        if (scheduler.getSchedulerState().isShuttingDown()) scheduler = builder.build();
        scheduler.start();
        log.info("Background scheduler started as {} with {} thread(s).", properties.instanceName(),
                properties.threads());
    }

    @Override
    public void stop() {
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        SchedulerState state = scheduler.getSchedulerState();
        return state.isStarted() && !state.isShuttingDown();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell which database the scheduler runs on.", e);
        }
    }
}

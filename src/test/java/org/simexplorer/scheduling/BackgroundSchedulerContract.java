package org.simexplorer.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Two schedulers on one database: every execution runs exactly once, on one of them. */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class BackgroundSchedulerContract {

    @Autowired
    DataSource dataSource;

    private final Map<String, ConcurrentLinkedQueue<String>> runs = new ConcurrentHashMap<>();
    private BackgroundScheduler first;
    private BackgroundScheduler second;

    private BackgroundScheduler scheduler(String name) {
        OneTimeTask<String> task = Tasks.oneTime("contract-" + name, String.class).execute((instance, context) ->
                runs.computeIfAbsent(instance.getId(), id -> new ConcurrentLinkedQueue<>()).add(name));
        // Both schedulers know the task under one name, as two instances of the app do.
        OneTimeTask<String> shared = Tasks.oneTime("contract-shared", String.class).execute((instance, context) ->
                runs.computeIfAbsent(instance.getId(), id -> new ConcurrentLinkedQueue<>()).add(name));
        List<Task<?>> tasks = List.of(task, shared);
        return new BackgroundScheduler(dataSource, tasks,
                new SchedulingProperties(name, 2, Duration.ofMillis(100), Duration.ofSeconds(1), 4));
    }

    @AfterEach
    void stop() {
        if (first != null) first.stop();
        if (second != null) second.stop();
    }

    @Test
    void everyExecutionRunsExactlyOnceAcrossTwoInstances() {
        first = scheduler("first");
        second = scheduler("second");
        first.start();
        second.start();
        OneTimeTask<String> shared = Tasks.oneTime("contract-shared", String.class).execute((i, c) -> { });
        for (int k = 0; k < 40; k++) {
            first.scheduler().schedule(shared.instance("job-" + k, "payload"), Instant.now());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == 40);
        // Give a second claim of any row time to show itself before counting.
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(runs.values()).allSatisfy(ranOn -> assertThat(ranOn).hasSize(1));
        assertThat(first.isRunning()).isTrue();
    }

    @Test
    void aStoppedSchedulerStartsAgainAndRuns() {
        first = scheduler("restarted");
        first.start();
        first.stop();
        assertThat(first.isRunning()).isFalse();
        first.start();
        assertThat(first.isRunning()).isTrue();
        OneTimeTask<String> task = Tasks.oneTime("contract-restarted", String.class).execute((i, c) -> { });
        first.scheduler().schedule(task.instance("after-restart", "payload"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.containsKey("after-restart"));
        assertThat(runs.get("after-restart")).containsExactly("restarted");
    }

    @Test
    void theInstanceNameIsTheOneConfigured() {
        first = scheduler("named-instance");
        assertThat(first.instanceName()).isEqualTo("named-instance");
    }
}

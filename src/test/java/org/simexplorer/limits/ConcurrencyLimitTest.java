package org.simexplorer.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.errors.OverloadedException;

class ConcurrencyLimitTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void nestedWorkOnTheSameThreadNeverWaitsOnItself() {
        ConcurrencyLimit limit = new ConcurrencyLimit("matrix work", 1, Duration.ZERO, 3);
        int result = limit.call(() -> limit.call(() -> limit.call(() -> 42)));
        assertThat(result).isEqualTo(42);
        assertThat(limit.available()).isEqualTo(1);
        assertThat(limit.heldByCurrentThread()).isFalse();
    }

    @Test
    void pastThePermitsAndTheWaitTheCallerIsRefusedWithRetryAfter() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit("matrix work", 1, Duration.ofMillis(200), 7);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> limit.run(() -> {
            holding.countDown();
            await(release);
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThatThrownBy(() -> limit.call(() -> 1))
                .isInstanceOfSatisfying(OverloadedException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo(7);
                    assertThat(e.getMessage()).contains("matrix work");
                    assertThat(e.properties()).containsEntry("limit", 1);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(limit.call(() -> 2)).isEqualTo(2);
    }

    @Test
    void aWaitingCallerGetsThePermitWhenItFreesUpWithinTheWait() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit("embedding", 1, Duration.ofSeconds(10), 1);
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> limit.run(() -> {
            holding.countDown();
            sleep(300);
        }));
        holding.await(5, TimeUnit.SECONDS);
        assertThat(limit.call(() -> "served")).isEqualTo("served");
        holder.get(5, TimeUnit.SECONDS);
    }

    @Test
    void neverMoreThanThePermitsRunAtOnce() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit("embedding", 2, Duration.ofSeconds(30), 1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            futures.add(pool.submit(() -> limit.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(20);
                running.decrementAndGet();
            })));
        }
        for (Future<?> future : futures) future.get(30, TimeUnit.SECONDS);
        assertThat(most.get()).isEqualTo(2);
        assertThat(limit.available()).isEqualTo(2);
    }

    @Test
    void aFailingTaskReleasesItsPermit() {
        ConcurrencyLimit limit = new ConcurrencyLimit("matrix work", 1, Duration.ZERO, 1);
        assertThatThrownBy(() -> limit.run(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(limit.available()).isEqualTo(1);
        assertThat(limit.call(() -> 1)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

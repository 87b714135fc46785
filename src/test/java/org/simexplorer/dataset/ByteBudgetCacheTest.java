package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.errors.OverloadedException;

class ByteBudgetCacheTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static ByteBudgetCache.Key key(long dataset, int size) {
        return new ByteBudgetCache.Key(dataset, new ModelCatalog.Resolved("m", 0), size);
    }

    @Test
    void concurrentCallersOfOneKeyShareOneComputation() throws Exception {
        ByteBudgetCache<byte[]> cache = new ByteBudgetCache<>(1 << 20, b -> b.length);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<byte[]>> results = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            results.add(pool.submit(() -> {
                start.await();
                return cache.get(key(1, 10), () -> {
                    loads.incrementAndGet();
                    sleep(200);
                    return new byte[1000];
                });
            }));
        }
        start.countDown();
        byte[] first = results.get(0).get(10, TimeUnit.SECONDS);
        for (Future<byte[]> result : results) assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(first);
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void aSlowLoadDoesNotBlockOtherKeys() throws Exception {
        ByteBudgetCache<byte[]> cache = new ByteBudgetCache<>(1 << 20, b -> b.length);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<byte[]> slow = pool.submit(() -> cache.get(key(1, 10), () -> {
            loading.countDown();
            await(finish);
            return new byte[10];
        }));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.get(key(2, 10), () -> new byte[20])).hasSize(20);
        finish.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).hasSize(10);
    }

    @Test
    void theBudgetBoundsTheBytesHeld() {
        ByteBudgetCache<byte[]> cache = new ByteBudgetCache<>(10_000, b -> b.length);
        for (long dataset = 0; dataset < 20; dataset++) {
            cache.get(key(dataset, 1), () -> new byte[3_000]);
        }
        cache.cleanUp();
        assertThat(cache.weightedBytes()).isLessThanOrEqualTo(10_000).isGreaterThanOrEqualTo(3_000);
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void invalidateDropsEveryEntryOfTheDatasetOnly() {
        ByteBudgetCache<byte[]> cache = new ByteBudgetCache<>(1 << 20, b -> b.length);
        cache.get(key(1, 10), () -> new byte[1]);
        cache.get(key(1, 11), () -> new byte[1]);
        cache.get(key(2, 10), () -> new byte[1]);
        cache.invalidate(1);
        assertThat(cache.getIfPresent(key(1, 10))).isNull();
        assertThat(cache.getIfPresent(key(1, 11))).isNull();
        assertThat(cache.getIfPresent(key(2, 10))).isNotNull();
    }

    @Test
    void aFailedLoadIsNotKeptAndItsWaitersSeeTheSameFailure() throws Exception {
        ByteBudgetCache<byte[]> cache = new ByteBudgetCache<>(1 << 20, b -> b.length);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        Future<byte[]> first = pool.submit(() -> cache.get(key(1, 10), () -> {
            loading.countDown();
            await(fail);
            throw new OverloadedException("busy", 5);
        }));
        loading.await(5, TimeUnit.SECONDS);
        Future<byte[]> waiter = pool.submit(() -> cache.get(key(1, 10), () -> new byte[99]));
        sleep(100);
        fail.countDown();
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OverloadedException.class);
        // The waiter either joined the failed load (same failure) or came after it was dropped (fresh value).
        try {
            assertThat(waiter.get(5, TimeUnit.SECONDS)).hasSize(99);
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OverloadedException.class);
        }
        assertThat(cache.get(key(1, 10), () -> new byte[7]).length).isIn(7, 99);
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

package org.simexplorer.dataset;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.simexplorer.embedding.ModelCatalog;

/**
 * Values per (dataset, model, size) within a byte budget, evicted by Caffeine's size policy.
 *
 * <p>Loading is single-flight: the first caller of a key computes the value on its own thread (so limits it
 * holds, such as a concurrency permit, stay with it) while later callers of the same key wait for that result.
 * The computation runs outside any map lock, so other keys are never blocked behind it. A failed load is
 * dropped and its waiters get the same failure.
 */
final class ByteBudgetCache<V> {

    /**
     * The key names one state of the data, so that it is right on any instance without being told of changes
     * elsewhere: each request reads the dataset's size and the model's version from the database, and an entry
     * for an older state is never asked for again (it is evicted in time).
     *
     * <p>Sentences are only ever appended and a dataset id is never given twice, so (dataset, size) names the
     * sentences. A model id can name a deleted adapter and later a new one of the same name; its
     * {@code modelVersion} (the adapter's row id) tells them apart. {@code view} tells apart several values of one
     * state (the tiles of a heatmap); empty for the one value of a kind.
     */
    record Key(long datasetId, String model, long modelVersion, int size, String view) {

        Key(long datasetId, ModelCatalog.Resolved model, int size) {
            this(datasetId, model, size, "");
        }

        Key(long datasetId, ModelCatalog.Resolved model, int size, String view) {
            this(datasetId, model.id(), model.version(), size, view);
        }
    }

    private final AsyncCache<Key, V> cache;
    private final long budget;

    ByteBudgetCache(long budgetBytes, ToLongFunction<V> bytes) {
        this.budget = budgetBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((Key key, V value) -> (int) Math.min(Integer.MAX_VALUE, bytes.applyAsLong(value)))
                .executor(Runnable::run)
                .buildAsync();
    }

    V get(Key key, Supplier<V> loader) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = cache.asMap().putIfAbsent(key, mine);
        if (existing != null) return await(existing);
        try {
            V value = loader.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The value if it is cached and loaded; null otherwise. */
    V getIfPresent(Key key) {
        CompletableFuture<V> future = cache.getIfPresent(key);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    void invalidate(long datasetId) {
        cache.asMap().keySet().removeIf(key -> key.datasetId() == datasetId);
    }

    void invalidate(String model) {
        cache.asMap().keySet().removeIf(key -> key.model().equals(model));
    }

    /** The bytes held now (loaded values only). */
    long weightedBytes() {
        return cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    long budget() {
        return budget;
    }

    long size() {
        return cache.synchronous().estimatedSize();
    }

    void cleanUp() {
        cache.synchronous().cleanUp();
    }

    private static <V> V await(CompletableFuture<V> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a value another request computes", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new CompletionException(cause);
        }
    }
}

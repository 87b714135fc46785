package org.simexplorer.labels;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for label writes. A commit is most of what a small write costs (H2 writes a chunk of its file,
 * PostgreSQL flushes its log), so one writer thread runs every write that queued while the previous commit ran
 * in one transaction and commits once. A caller still returns only after the transaction that holds its changes
 * has committed: a 200 stays durable.
 *
 * <p>When a shared transaction fails (a dataset deleted meanwhile, a race with an import), it is rolled back
 * whole and each of its writes runs again in a transaction of its own, so a failure reaches only the request
 * that caused it.
 */
@Component
public class LabelWriter {

    private static final Logger log = LoggerFactory.getLogger(LabelWriter.class);

    /** Bounds one shared transaction, so a burst of large writes does not become one long-held lock. */
    static final int MAX_CHANGES_PER_COMMIT = 1_000;

    /** Tries of a transaction that lost a race with another one on the same rows. */
    static final int ATTEMPTS = 8;

    private static final Write<?> STOP = new Write<>(() -> null, 0);

    private final TransactionTemplate transactions;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean stopped;
    private final LongAdder commits = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private volatile LongConsumer commitNanos = nanos -> { };

    LabelWriter(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.writer = new Thread(this::run, "label-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs {@code work} (statements only: it must not commit) in a transaction, possibly shared with other
     * writes, and returns its result once that transaction has committed.
     *
     * @param changes how many rows the work writes, to bound a shared transaction
     */
    <T> T write(Supplier<T> work, int changes) {
        Write<T> write = new Write<>(work, changes);
        synchronized (queue) {
            if (stopped) return alone(work);
            queue.add(write);
        }
        try {
            return write.done.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) throw cause;
            if (failed.getCause() instanceof Error cause) throw cause;
            throw failed;
        }
    }

    private void run() {
        List<Write<?>> batch = new ArrayList<>();
        while (true) {
            Write<?> first;
            try {
                first = queue.take();
            } catch (InterruptedException interrupted) {
                return;
            }
            if (first == STOP) return;
            batch.add(first);
            boolean stopAfter = gather(batch, first.changes);
            try {
                commit(batch);
            } catch (Throwable failed) { // an Error in a shared transaction: no caller may wait for ever
                batch.forEach(write -> write.done.completeExceptionally(failed));
            }
            batch.clear();
            if (stopAfter) return;
        }
    }

    /** Adds what is queued now, within the size bound; true when the stop mark came with it. */
    private boolean gather(List<Write<?>> batch, int changes) {
        int total = changes;
        Write<?> next;
        while ((next = queue.peek()) != null && total + next.changes <= MAX_CHANGES_PER_COMMIT) {
            queue.poll();
            if (next == STOP) return true;
            batch.add(next);
            total += next.changes;
        }
        return false;
    }

    private void commit(List<Write<?>> batch) {
        if (batch.size() == 1) {
            runAlone(batch.get(0));
            return;
        }
        List<Object> results = new ArrayList<>(batch.size());
        long start = System.nanoTime();
        try {
            transactions.executeWithoutResult(status -> batch.forEach(write -> results.add(write.work.get())));
        } catch (RuntimeException failed) {
            timed(start);
            log.debug("A shared label transaction of {} writes failed ({}); running them one by one", batch.size(),
                    failed.toString());
            batch.forEach(this::runAlone);
            return;
        }
        timed(start);
        commits.increment();
        writes.add(batch.size());
        for (int k = 0; k < batch.size(); k++) batch.get(k).complete(results.get(k));
    }

    private <T> void runAlone(Write<T> write) {
        long start = System.nanoTime();
        try {
            T result = alone(write.work);
            timed(start);
            commits.increment();
            writes.increment();
            write.done.complete(result);
        } catch (RuntimeException | Error failed) {
            timed(start);
            write.done.completeExceptionally(failed);
        }
    }

    /** Reports a transaction's time before its callers are answered, so a caller sees it counted. */
    private void timed(long start) {
        commitNanos.accept(System.nanoTime() - start);
    }

    /**
     * Runs {@code work} in a transaction of its own, in the caller's thread.
     *
     * <p>Two writes that label the same new pair at once can both take MERGE's insert branch (PostgreSQL does not
     * lock a row that does not exist yet); the second then fails on the primary key. Two transactions that lock
     * the same rows in different orders (shared transactions of two instances) deadlock, and PostgreSQL rolls one
     * back. Either way the failed transaction was rolled back whole, so running it again is safe; it is tried
     * {@link #ATTEMPTS} times in all, after a random wait that doubles.
     */
    <T> T alone(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                if (attempt == ATTEMPTS) throw raced;
                log.debug("A label transaction raced another ({}); running it again", raced.toString());
                pause(attempt);
            }
        }
    }

    /** A random wait that grows with each try, so that two transactions that just deadlocked do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, (2L << Math.min(attempt, 7)) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Transactions the writer thread committed. */
    long commits() {
        return commits.sum();
    }

    /** Writes the writer thread committed; over {@link #commits()}, how many writes a commit shared. */
    long writes() {
        return writes.sum();
    }

    /** Receives how long each of the writer thread's transactions took, in nanoseconds (for a timer). */
    void timeCommitsWith(LongConsumer nanos) {
        this.commitNanos = nanos;
    }

    /** Writes waiting for the writer thread, for tests. */
    int queued() {
        return queue.size();
    }

    /** Lets the writes already queued commit; later ones run in their caller's thread. */
    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (queue) {
            stopped = true;
            queue.add(STOP);
        }
        writer.join(10_000);
    }

    private static final class Write<T> {
        final Supplier<T> work;
        final int changes;
        final CompletableFuture<T> done = new CompletableFuture<>();

        Write(Supplier<T> work, int changes) {
            this.work = work;
            this.changes = changes;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            done.complete((T) result);
        }
    }
}

package vn.diemcau.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Group commit: many callers' small writes share one transaction. Callers (worker threads) submit an
 * item and wait; one writer thread takes what is queued (up to {@code maxSize}, waiting at most
 * {@code maxWait} for more), runs the work on all of them in ONE transaction (JDBC batches), commits,
 * and only then answers each caller with its own result: nothing is acknowledged before it is
 * durable. A commit of a thousand rows costs about what a commit of one costs, which is the whole
 * point (MariaDB: ~100,000 rows/s in batches, ~4,000/s as single-row commits).
 *
 * <p>If a batch fails as a whole (a deadlock, a unique key a concurrent writer took), each of its
 * items is tried again alone in its own transaction, so one bad item never fails the others. A full
 * queue refuses at once with 503 and changes nothing (backpressure).
 *
 * @param <I> what a caller submits
 * @param <R> what the caller gets back: the work decides, refusals included
 */
public final class GroupCommit<I, R> {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** One transaction's work: one result per item, in the items' order. Throwing fails the whole batch. */
    @FunctionalInterface
    public interface Work<I, R> {
        List<R> apply(List<I> items);
    }

    private record Pending<I, R>(I item, CompletableFuture<R> answer) {}

    private final String name;
    private final Work<I, R> work;
    /** Each batch in a JTA transaction of its own; false: the work commits itself. */
    private final boolean jta;

    private final int maxSize;
    private final long maxWaitNanos;
    private final Duration timeout;
    private final BlockingQueue<Pending<I, R>> queue;
    private final Thread writer;
    private volatile boolean running = true;
    private final LongAdder batches = new LongAdder();
    private final LongAdder items = new LongAdder();
    private final LongAdder busyNanos = new LongAdder();
    private volatile int largest;
    private volatile long cpuAtReset;

    /** The writers by name, for the benchmark's report. */
    private static final Map<String, GroupCommit<?, ?>> WRITERS = new ConcurrentHashMap<>();

    public GroupCommit(String name, BatchConfig config, Work<I, R> work) {
        this(name, config, true, work);
    }

    /**
     * A writer whose work begins and commits its transactions itself, on a connection of its own
     * (no JTA): the writer only gathers the batches, tries a failed one item by item, and answers.
     */
    public static <I, R> GroupCommit<I, R> committingItself(String name, BatchConfig config, Work<I, R> work) {
        return new GroupCommit<>(name, config, false, work);
    }

    private GroupCommit(String name, BatchConfig config, boolean jta, Work<I, R> work) {
        this.name = name;
        this.jta = jta;
        this.work = work;
        this.maxSize = Math.max(1, config.maxSize());
        this.maxWaitNanos = config.maxWait().toNanos();
        this.timeout = config.timeout();
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity()));
        this.writer = new Thread(this::loop, "group-commit-" + name);
        writer.setDaemon(true);
        writer.start();
        WRITERS.put(name, this);
    }

    /**
     * What the writer named {@code name} did so far: batches, items, mean and largest batch, and the
     * time spent in its transactions (the rest of the wall time it waited for work).
     */
    public static String stats(String name) {
        GroupCommit<?, ?> g = WRITERS.get(name);
        if (g == null) return name + ": not started";
        long b = g.batches.sum(), n = g.items.sum();
        // CPU time of the writer thread against its time in transactions: the rest is waiting (on
        // the database's fsync, on locks, or for a core on a loaded machine)
        long cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(g.writer.getId()) - g.cpuAtReset;
        return String.format(
                "%s: %d batches, %d items, %.1f per batch (largest %d), %.2f s in transactions, %.2f s CPU of the writer",
                name, b, n, b == 0 ? 0.0 : (double) n / b, g.largest, g.busyNanos.sum() / 1e9, cpu / 1e9);
    }

    /** Starts the counts of {@link #stats} again (a benchmark's measured run after its warm-up). */
    public static void resetStats(String name) {
        GroupCommit<?, ?> g = WRITERS.get(name);
        if (g == null) return;
        g.batches.reset();
        g.items.reset();
        g.busyNanos.reset();
        g.largest = 0;
        g.cpuAtReset = ManagementFactory.getThreadMXBean().getThreadCpuTime(g.writer.getId());
    }

    /**
     * Queues the item and waits for its committed result. A {@link RuntimeException} the work threw
     * for this item alone comes back as is (a {@link ProblemException} stays the caller's problem).
     *
     * @throws ProblemException 503 {@code server.busy} when the queue is full (nothing was queued), 503
     *     {@code server.slow} when the answer took longer than the timeout (the item may still commit:
     *     a resend is safe)
     */
    public R submit(I item) {
        try {
            return enqueue(item).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Queues the item without waiting: the answer completes after the commit, so a caller that can
     * answer asynchronously (an HTTP request, a socket) holds no thread meanwhile. Failures as in
     * {@link #submit}: {@code server.busy} at once when the queue is full, {@code server.slow} past
     * the timeout. A caller on a Vert.x context gets its answer back on that context: the writer
     * thread only hands the answers over, it never runs the callers' follow-up (serialising and
     * writing a response) on the path every batch waits for.
     */
    public CompletableFuture<R> submitAsync(I item) {
        CompletableFuture<R> answer = enqueue(item);
        Context caller = Vertx.currentContext();
        if (caller == null) return answer;
        CompletableFuture<R> out = new CompletableFuture<>();
        answer.whenComplete((r, e) -> caller.runOnContext(v -> {
            if (e == null) out.complete(r);
            else out.completeExceptionally(e instanceof CompletionException ? e.getCause() : e);
        }));
        return out;
    }

    private CompletableFuture<R> enqueue(I item) {
        Pending<I, R> p = new Pending<>(item, new CompletableFuture<>());
        if (!running || !queue.offer(p)) return CompletableFuture.failedFuture(busy());
        return p.answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof TimeoutException) {
                LOG.warnf("%s: no answer within %s (queue %d)", name, timeout, queue.size());
                // unlike a full queue, the item may still be written: say so, a resend is safe
                return CompletableFuture.failedFuture(new ProblemException(503, "server.slow", 1));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Items waiting now (for metrics and tests). */
    public int queued() {
        return queue.size();
    }

    /** Stops the writer; whatever is still queued is answered 503 (nothing of it was written). */
    public void close() {
        running = false;
        WRITERS.remove(name, this);
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending<I, R> p; (p = queue.poll()) != null; ) p.answer.completeExceptionally(busy());
    }

    static ProblemException busy() {
        return new ProblemException(503, "server.busy", 1);
    }

    private void loop() {
        List<Pending<I, R>> batch = new ArrayList<>(maxSize);
        while (running) {
            try {
                Pending<I, R> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxSize - batch.size());
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxSize) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    Pending<I, R> next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) break;
                    batch.add(next);
                    queue.drainTo(batch, maxSize - batch.size());
                }
            } catch (InterruptedException e) {
                if (!running) break;
                continue;
            }
            long t0 = System.nanoTime();
            batches.increment();
            items.add(batch.size());
            if (batch.size() > largest) largest = batch.size();
            try {
                commit(batch);
            } catch (Throwable t) {
                // never leave a caller waiting on a future nobody completes
                LOG.errorf(t, "%s: batch of %d not answered", name, batch.size());
                for (Pending<I, R> p : batch) p.answer.completeExceptionally(t);
            }
            busyNanos.add(System.nanoTime() - t0);
            batch.clear();
        }
        for (Pending<I, R> p : batch) p.answer.completeExceptionally(busy());
    }

    private void commit(List<Pending<I, R>> batch) {
        List<I> items = new ArrayList<>(batch.size());
        for (Pending<I, R> p : batch) items.add(p.item);
        List<R> results;
        try {
            results = inTransaction(items);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer.completeExceptionally(e);
                return;
            }
            LOG.debugf("%s: batch of %d failed (%s), items tried one by one", name, batch.size(), e);
            for (Pending<I, R> p : batch) {
                try {
                    p.answer.complete(inTransaction(List.of(p.item)).get(0));
                } catch (RuntimeException alone) {
                    p.answer.completeExceptionally(alone);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) batch.get(i).answer.complete(results.get(i));
    }

    private List<R> inTransaction(List<I> items) {
        // The writer thread has no request of its own; the work may still use request-scoped beans.
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            List<R> results = jta ? QuarkusTransaction.requiringNew().call(() -> work.apply(items)) : work.apply(items);
            if (results.size() != items.size())
                throw new IllegalStateException(name + ": " + results.size() + " results for " + items.size());
            return results;
        } finally {
            request.terminate();
        }
    }
}

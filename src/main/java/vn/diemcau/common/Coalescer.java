package vn.diemcau.common;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Turns many changes into at most one publication per key (a session) and interval: the first
 * change after a quiet spell is published at once, later ones wait for the rest of the interval and
 * go out together, each item once. The items are taken before the publication reads anything, so a
 * change committed while it runs schedules the next round; a publication that fails puts its items
 * back for the next round, so nothing noted is dropped.
 */
public final class Coalescer<T> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Coalescer.class);

    private final String name;
    private final long intervalMs;
    private final BiConsumer<Long, Set<T>> publish;
    private final ScheduledExecutorService timer;

    /** Keys with a publication scheduled, and what changed since. */
    private final Map<Long, Set<T>> pending = new ConcurrentHashMap<>();
    /** When each key was last published (ms). */
    private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

    /** {@code publish} runs on a thread of its own (named {@code name}), never on the caller's. */
    public Coalescer(String name, Duration interval, BiConsumer<Long, Set<T>> publish) {
        this.name = name;
        this.intervalMs = Math.max(0, interval.toMillis());
        this.publish = publish;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Notes that {@code item} of {@code key} changed. */
    public void changed(long key, T item) {
        changed(key, List.of(item));
    }

    /** Notes that these items of {@code key} changed (together: they go out in the same publication). */
    public void changed(long key, Collection<T> changed) {
        boolean[] first = {false};
        pending.compute(key, (k, items) -> {
            if (items == null) {
                items = new LinkedHashSet<>();
                first[0] = true;
            }
            items.addAll(changed);
            return items;
        });
        if (!first[0]) return;
        long wait = lastSent.getOrDefault(key, 0L) + intervalMs - System.currentTimeMillis();
        timer.schedule(() -> run(key), Math.max(0, wait), TimeUnit.MILLISECONDS);
    }

    private void run(long key) {
        Set<T> items = pending.remove(key);
        lastSent.put(key, System.currentTimeMillis());
        if (items == null || items.isEmpty()) return;
        try {
            publish.accept(key, items);
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "%s of %d not published; tried again in the next round", name, key);
            changed(key, items);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

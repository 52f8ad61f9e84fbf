package vn.diemcau.common;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Many changes, few publications: the first at once, the rest together, each item once, none dropped. */
class CoalescerTest {
    record Published(long key, Set<String> items) {}

    @Test
    void theFirstChangeGoesAtOnceAndTheRestOfTheIntervalRideTogether() {
        List<Published> out = new CopyOnWriteArrayList<>();
        try (Coalescer<String> c = new Coalescer<>(
                "test", Duration.ofSeconds(2), (k, items) -> out.add(new Published(k, Set.copyOf(items))))) {
            c.changed(7, "a");
            await().atMost(Duration.ofSeconds(1)).until(() -> out.size() == 1);
            assertEquals(new Published(7, Set.of("a")), out.get(0));

            // within the interval: held, each item once however often it changed
            c.changed(7, "b");
            c.changed(7, List.of("c", "b"));
            c.changed(7, "a");
            // another key has an interval of its own
            c.changed(8, "x");
            await().atMost(Duration.ofSeconds(1)).until(() -> out.size() == 2);
            assertEquals(new Published(8, Set.of("x")), out.get(1));

            await().atMost(Duration.ofSeconds(5)).until(() -> out.size() == 3);
            assertEquals(new Published(7, Set.of("a", "b", "c")), out.get(2));
        }
    }

    @Test
    void aFailedPublicationIsTriedAgainWithEverythingItHeld() {
        List<Published> out = new CopyOnWriteArrayList<>();
        AtomicBoolean fail = new AtomicBoolean(true);
        try (Coalescer<String> c = new Coalescer<>("test", Duration.ofMillis(200), (k, items) -> {
            if (fail.getAndSet(false)) throw new IllegalStateException("database away");
            out.add(new Published(k, Set.copyOf(items)));
        })) {
            c.changed(1, List.of("p1", "p2"));
            c.changed(1, "p3");
            await().atMost(Duration.ofSeconds(5)).until(() -> !out.isEmpty());
            Set<String> all =
                    out.stream().flatMap(p -> p.items().stream()).collect(java.util.stream.Collectors.toSet());
            assertEquals(Set.of("p1", "p2", "p3"), all);
            assertTrue(out.stream().allMatch(p -> p.key() == 1));
        }
    }
}

package vn.diemcau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The writer's contract: answers after the work, a bad item fails alone, a full queue refuses at once. */
@QuarkusTest
class GroupCommitTest {
    static BatchConfig config(int maxSize, int capacity) {
        return new BatchConfig() {
            public int maxSize() {
                return maxSize;
            }

            public Duration maxWait() {
                return Duration.ofMillis(5);
            }

            public int queueCapacity() {
                return capacity;
            }

            public Duration timeout() {
                return Duration.ofSeconds(30);
            }
        };
    }

    @Test
    void aBatchThatFailsIsRetriedItemByItemSoOnlyTheBadItemFails() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        GroupCommit<String, String> g = new GroupCommit<>("test-retry", config(100, 100), items -> {
            synchronized (sizes) {
                sizes.add(items.size());
            }
            if (items.contains("bad")) throw ProblemException.badRequest("bad");
            return items.stream().map(String::toUpperCase).toList();
        });
        try {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (String s : List.of("a", "b", "bad", "c"))
                answers.add(CompletableFuture.supplyAsync(() -> g.submit(s)));
            for (int i : new int[] {0, 1, 3})
                assertEquals(
                        List.of("A", "B", "BAD", "C").get(i), answers.get(i).get(10, TimeUnit.SECONDS));
            var failed = assertThrows(
                    java.util.concurrent.ExecutionException.class,
                    () -> answers.get(2).get(10, TimeUnit.SECONDS));
            assertEquals("bad", ((ProblemException) failed.getCause()).code());
        } finally {
            g.close();
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith503AndWhatWasQueuedIsStillAnswered() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Integer> g = new GroupCommit<>("test-full", config(1, 1), items -> {
            taken.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return items;
        });
        try {
            CompletableFuture<Integer> writing = CompletableFuture.supplyAsync(() -> g.submit(1));
            assertTrue(taken.await(10, TimeUnit.SECONDS), "the writer took it and waits");
            CompletableFuture<Integer> queued = CompletableFuture.supplyAsync(() -> g.submit(2));
            Awaitility.await().until(() -> g.queued() == 1);
            ProblemException full = assertThrows(ProblemException.class, () -> g.submit(3));
            assertEquals(503, full.status());
            assertEquals("server.busy", full.code());
            release.countDown();
            assertEquals(1, writing.get(10, TimeUnit.SECONDS));
            assertEquals(2, queued.get(10, TimeUnit.SECONDS));
            assertTrue(g.queued() == 0);
        } finally {
            g.close();
        }
    }
}

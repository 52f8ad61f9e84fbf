package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventStreamTest {
    static InMemoryEventStream stream(int ringSize) {
        InMemoryEventStream s = new InMemoryEventStream();
        s.json = new ObjectMapper().registerModule(new JavaTimeModule());
        s.config = new LiveConfig() {
            public int ringSize() {
                return ringSize;
            }

            public int sendQueue() {
                return 8;
            }

            public Duration heartbeatInterval() {
                return Duration.ofSeconds(10);
            }

            public int degradedAfterMissed() {
                return 2;
            }

            public Duration sweepEvery() {
                return Duration.ofSeconds(5);
            }

            public int offlineAfterMissed() {
                return 6;
            }

            public String stream() {
                return "memory";
            }

            public Duration recheckEvery() {
                return Duration.ofSeconds(30);
            }

            public String redisPrefix() {
                return "diemcau:live:";
            }

            public Duration snapshotReuse() {
                return Duration.ofSeconds(1);
            }

            public Duration pointStatusesEvery() {
                return Duration.ofSeconds(1);
            }
        };
        return s;
    }

    @Test
    void numbersFramesOncePerSessionAndKeepsTheRecentOnes() {
        InMemoryEventStream s = stream(3);
        List<String> got = new ArrayList<>();
        s.subscribe((sid, f) -> got.add(sid + ":" + f.seq() + ":" + f.text()));
        long base = s.lastSeq(1);
        long other = s.lastSeq(2);
        for (int i = 0; i < 5; i++) s.publish(1, new ServerMessage.SessionStarted(1, Instant.EPOCH));
        s.publish(2, new ServerMessage.SessionEnded(2, Instant.EPOCH));

        assertEquals(base + 5, s.lastSeq(1));
        assertEquals(other + 1, s.lastSeq(2));
        assertEquals(6, got.size());
        assertTrue(
                got.get(0).startsWith("1:" + (base + 1) + ":{\"seq\":" + (base + 1) + ",\"type\":\"session.started\""),
                got.get(0));
        assertTrue(got.get(5).contains("\"type\":\"session.ended\""));

        // Kept: the last three. Resuming from base+2 needs 3..5: still there.
        assertEquals(
                List.of(base + 3, base + 4, base + 5),
                s.since(1, base + 2).orElseThrow().stream().map(Frame::seq).toList());
        assertEquals(List.of(), s.since(1, base + 5).orElseThrow());
        // From base+1, event base+2 is gone: a snapshot is needed.
        assertTrue(s.since(1, base + 1).isEmpty());
        // A number from the future (another server, a bug) is not trusted either.
        assertTrue(s.since(1, base + 99).isEmpty());
    }
}

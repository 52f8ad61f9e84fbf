package vn.diemcau.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The event stream of one instance: a counter and a ring of recent frames per session. */
@ApplicationScoped
@Typed(InMemoryEventStream.class) // chosen by EventStreams
class InMemoryEventStream implements EventStream {
    @Inject
    ObjectMapper json;

    @Inject
    LiveConfig config;

    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final List<SessionFrameListener> listeners = new CopyOnWriteArrayList<>();

    private static final class Channel {
        long seq;
        final ArrayDeque<Frame> ring = new ArrayDeque<>();

        Channel(long base) {
            seq = base;
        }
    }

    @Override
    public void publish(long sessionId, ServerMessage event, Audience audience) {
        Channel c = channel(sessionId);
        // One lock per session: numbers, ring and hand-over stay in the same order for everyone.
        // Subscribers only queue writes, so the lock is held for microseconds.
        synchronized (c) {
            long seq = ++c.seq;
            Frame f = new Frame(seq, LiveJson.text(json, seq, event), audience);
            c.ring.addLast(f);
            while (c.ring.size() > config.ringSize()) c.ring.removeFirst();
            for (SessionFrameListener l : listeners) l.onFrame(sessionId, f);
        }
    }

    @Override
    public void subscribe(SessionFrameListener listener) {
        listeners.add(listener);
    }

    @Override
    public long lastSeq(long sessionId) {
        Channel c = channel(sessionId);
        synchronized (c) {
            return c.seq;
        }
    }

    @Override
    public Optional<List<Frame>> since(long sessionId, long lastSeq) {
        Channel c = channel(sessionId);
        synchronized (c) {
            if (lastSeq == c.seq) return Optional.of(List.of());
            if (lastSeq > c.seq || c.ring.isEmpty() || c.ring.peekFirst().seq() > lastSeq + 1) return Optional.empty();
            return Optional.of(c.ring.stream().filter(f -> f.seq() > lastSeq).toList());
        }
    }

    @Override
    public void forget(long sessionId) {
        channels.remove(sessionId);
    }

    /** Whether anything is kept for the session (tests of the clean-up). */
    boolean keeps(long sessionId) {
        return channels.containsKey(sessionId);
    }

    private Channel channel(long sessionId) {
        // Numbers start at the clock (in microseconds, still exact in a JavaScript number), so they
        // keep rising across restarts: a client's lastSeq from before a restart is then older than
        // the ring and gets a snapshot, never somebody else's events under the same numbers.
        return channels.computeIfAbsent(sessionId, id -> new Channel(System.currentTimeMillis() * 1000));
    }
}

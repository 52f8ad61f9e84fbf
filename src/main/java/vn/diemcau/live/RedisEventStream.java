package vn.diemcau.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The event stream shared by every instance through Redis ({@code diemcau.live.stream=redis}).
 *
 * <p>One Lua script per event does, atomically: the session's next number ({@code INCR}, starting
 * at the clock like the in-memory stream), the capped list of recent frames for resumes
 * ({@code RPUSH}+{@code LTRIM} to {@code ring-size}) and the hand-over to every instance
 * ({@code PUBLISH} on one channel). Each instance keeps a single subscriber connection; frames
 * reach it in the order Redis numbered them, and it fans each one out to its own connections,
 * one string per frame for all of them (serialised once per instance).
 *
 * <p>{@link #publish} returns once this instance has delivered the frame locally, so "the events a
 * command causes are sent before its ack" holds here too.
 */
final class RedisEventStream implements EventStream, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisEventStream.class);
    private static final long WAIT_MS = 5_000;
    /** Keys of a session live this long after its last event (the ring is for resumes, not history). */
    private static final int TTL_SECONDS = 2 * 24 * 3600;

    private static final String INIT =
            "if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end ";
    private static final String PUBLISH = INIT.replace("ARGV[1]", "ARGV[3]")
            + "local seq = redis.call('INCR', KEYS[1]) "
            + "local frame = '{\"seq\":' .. string.format('%.0f', seq) .. ',' .. ARGV[1] "
            + "redis.call('RPUSH', KEYS[2], ARGV[7] .. frame) "
            + "redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1) "
            + "redis.call('EXPIRE', KEYS[1], ARGV[6]) "
            + "redis.call('EXPIRE', KEYS[2], ARGV[6]) "
            + "redis.call('PUBLISH', ARGV[4], ARGV[5] .. ' ' .. ARGV[7] .. frame) "
            + "return seq";
    private static final String STATE =
            INIT + "return {redis.call('GET', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1)}";

    private final Vertx vertx;
    private final Redis redis;
    private final ObjectMapper json;
    private final int ringSize;
    private final String prefix;
    private final String channel;
    private final List<SessionFrameListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Delivered> delivered = new ConcurrentHashMap<>();
    private volatile RedisConnection subscriber;
    private volatile boolean closed;

    /** What this instance has handed to its listeners, per session; publishers wait on it. */
    private static final class Delivered {
        long seq = Long.MIN_VALUE;
    }

    /**
     * @param prefix namespace of the keys and the channel ({@code diemcau:live:} in production;
     *     instances share events when they share the prefix and the Redis)
     */
    RedisEventStream(Vertx vertx, Redis redis, ObjectMapper json, int ringSize, String prefix) {
        this.vertx = vertx;
        this.redis = redis;
        this.json = json;
        this.ringSize = ringSize;
        this.prefix = prefix;
        this.channel = prefix + "frames";
        await(subscribe(), "subscribe to " + channel);
    }

    private io.vertx.core.Future<Void> subscribe() {
        return redis.connect().compose(conn -> {
            conn.handler(this::onMessage);
            conn.exceptionHandler(e -> LOG.warnf("live: Redis subscriber failed: %s", e.getMessage()));
            conn.endHandler(v -> resubscribe());
            subscriber = conn;
            return conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).mapEmpty();
        });
    }

    /**
     * The subscriber connection was lost: connect again. Frames published meanwhile reach no
     * connection of this instance; their clients see the next frame's higher number and resume
     * from the ring like after any lost link.
     */
    private void resubscribe() {
        if (closed) return;
        LOG.warn("live: Redis subscriber connection lost, reconnecting");
        vertx.setTimer(500, t -> subscribe().onFailure(e -> resubscribe()));
    }

    private void onMessage(Response r) {
        // RESP2 and RESP3 (push) both give ["message", channel, payload].
        if (r.size() < 3 || !"message".equals(r.get(0).toString())) return;
        String payload = r.get(2).toString();
        int space = payload.indexOf(' ');
        long sessionId = Long.parseLong(payload, 0, space, 10);
        Frame f = frame(payload.substring(space + 1));
        Delivered d = delivered.computeIfAbsent(sessionId, id -> new Delivered());
        synchronized (d) {
            for (SessionFrameListener l : listeners) l.onFrame(sessionId, f);
            if (f.seq() > d.seq) d.seq = f.seq();
            d.notifyAll();
        }
    }

    @Override
    public void publish(long sessionId, ServerMessage event, Audience audience) {
        String body = LiveJson.text(json, event).substring(1);
        Request eval = Request.cmd(Command.EVAL)
                .arg(PUBLISH)
                .arg(2)
                .arg(seqKey(sessionId))
                .arg(ringKey(sessionId))
                .arg(body)
                .arg(ringSize)
                .arg(base())
                .arg(channel)
                .arg(sessionId)
                .arg(TTL_SECONDS)
                .arg(audience.flag() + "|");
        if (Context.isOnEventLoopThread()) {
            // Cannot wait here; the frame still goes out in order through the subscription.
            redis.send(eval).onFailure(e -> LOG.errorf(e, "live: publishing to session %d failed", sessionId));
            return;
        }
        long seq = await(redis.send(eval), "publish").toLong();
        Delivered d = delivered.computeIfAbsent(sessionId, id -> new Delivered());
        long until = System.currentTimeMillis() + WAIT_MS;
        synchronized (d) {
            while (d.seq < seq) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    LOG.warnf("live: frame %d of session %d not back from Redis after %d ms", seq, sessionId, WAIT_MS);
                    return;
                }
                try {
                    d.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void subscribe(SessionFrameListener listener) {
        listeners.add(listener);
    }

    @Override
    public long lastSeq(long sessionId) {
        return state(sessionId).get(0).toLong();
    }

    @Override
    public Optional<List<Frame>> since(long sessionId, long lastSeq) {
        Response state = state(sessionId);
        long seq = state.get(0).toLong();
        if (lastSeq == seq) return Optional.of(List.of());
        Response ring = state.get(1);
        if (lastSeq > seq || ring.size() == 0) return Optional.empty();
        List<Frame> frames = new ArrayList<>();
        for (Response item : ring) {
            Frame f = frame(item.toString());
            if (f.seq() > lastSeq) frames.add(f);
        }
        if (frames.isEmpty() || frames.get(0).seq() != lastSeq + 1) return Optional.empty();
        return Optional.of(frames);
    }

    private Response state(long sessionId) {
        return await(
                redis.send(Request.cmd(Command.EVAL)
                        .arg(STATE)
                        .arg(2)
                        .arg(seqKey(sessionId))
                        .arg(ringKey(sessionId))
                        .arg(base())),
                "read the stream of session " + sessionId);
    }

    /**
     * Only this instance's bookkeeping: another instance may still serve the session, and the
     * keys in Redis expire on their own {@value #TTL_SECONDS} seconds after the last event.
     */
    @Override
    public void forget(long sessionId) {
        delivered.remove(sessionId);
    }

    /** A kept or published frame: its audience's flag and a bar, then the frame's JSON text. */
    static Frame frame(String flagged) {
        // Kept before 6 Dec 2026: one letter (A or S) and the text, no bar.
        int start = flagged.charAt(1) == '{' ? 1 : flagged.indexOf('|') + 1;
        String text = flagged.substring(start);
        return new Frame(seqOf(text), text, Audience.ofFlag(flagged.substring(0, start == 1 ? 1 : start - 1)));
    }

    @Override
    public void close() {
        closed = true;
        RedisConnection c = subscriber;
        if (c != null) c.close();
    }

    private String seqKey(long sessionId) {
        return prefix + sessionId + ":seq";
    }

    private String ringKey(long sessionId) {
        return prefix + sessionId + ":frames";
    }

    /** Numbers start at the clock in microseconds, like the in-memory stream's (see there why). */
    private static long base() {
        return System.currentTimeMillis() * 1000;
    }

    /** The number at the front of a frame: {@code {"seq":123,...}}. */
    static long seqOf(String text) {
        int start = text.indexOf(':') + 1;
        return Long.parseLong(text, start, text.indexOf(',', start), 10);
    }

    private static <T> T await(io.vertx.core.Future<T> f, String what) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (Exception e) {
            throw new IllegalStateException("Redis: cannot " + what, e.getCause() == null ? e : e.getCause());
        }
    }
}

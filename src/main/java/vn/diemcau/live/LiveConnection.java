package vn.diemcau.live;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One client connection of a session. Writes never block: each frame is handed to the socket and
 * counted until it is out; a connection with more than {@code limit} frames still unsent is too
 * slow and gets closed, so it never holds anybody else up (its client resumes with its lastSeq).
 */
final class LiveConnection {
    static final int CLOSE_TOO_SLOW = 4008;
    private static final Logger LOG = Logger.getLogger(LiveConnection.class);

    final WebSocketConnection ws;
    final long sessionId;
    final Locale locale;
    private final int limit;
    private final AtomicInteger unsent = new AtomicInteger();
    private long lastSeq = Long.MIN_VALUE;
    /** Frames that arrive while the snapshot or the replay is being prepared; null once started. */
    private List<Frame> held = new ArrayList<>();

    private volatile boolean closing;

    /** When the caller's credentials run out (epoch ms; Long.MAX_VALUE when they do not). */
    final long expiresAt;
    /** A participant's invitation (its hash), checked again while the socket stays open; null for staff. */
    final String invitationHash;

    LiveConnection(WebSocketConnection ws, long sessionId, Locale locale, int limit) {
        this(ws, sessionId, locale, limit, Long.MAX_VALUE, null);
    }

    LiveConnection(
            WebSocketConnection ws, long sessionId, Locale locale, int limit, long expiresAt, String invitationHash) {
        this.ws = ws;
        this.sessionId = sessionId;
        this.locale = locale;
        this.limit = limit;
        this.expiresAt = expiresAt;
        this.invitationHash = invitationHash;
    }

    /** A stream event, in sequence order. */
    synchronized void offer(Frame f) {
        if (held != null) {
            held.add(f);
            if (held.size() > limit) tooSlow();
            return;
        }
        if (f.seq() <= lastSeq) return;
        lastSeq = f.seq();
        write(f.text());
    }

    /** Holds stream events back until {@link #start} (used again when the client resumes on an open connection). */
    synchronized void hold() {
        if (held == null) held = new ArrayList<>();
    }

    /** Writes the snapshot or the missed events (up to {@code seq}), then what arrived meanwhile. */
    synchronized void start(long seq, List<String> first) {
        first.forEach(this::write);
        lastSeq = seq;
        List<Frame> h = held;
        held = null;
        if (h != null) h.forEach(this::offer);
    }

    /** An answer to this connection only (ack, rejection). */
    synchronized void reply(String text) {
        write(text);
    }

    boolean closing() {
        return closing;
    }

    private void write(String text) {
        if (closing) return;
        if (unsent.incrementAndGet() > limit) {
            tooSlow();
            return;
        }
        ws.sendText(text).subscribe().with(ok -> unsent.decrementAndGet(), err -> unsent.decrementAndGet());
    }

    private void tooSlow() {
        if (closing) return;
        LOG.infof("live: closing slow connection %s of session %d", ws.id(), sessionId);
        close(CLOSE_TOO_SLOW, "too slow: reconnect and resume with lastSeq");
    }

    /** Closes the socket with {@code code}; nothing is written to it afterwards. */
    void close(int code, String reason) {
        if (closing) return;
        closing = true;
        ws.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, err -> {});
    }
}

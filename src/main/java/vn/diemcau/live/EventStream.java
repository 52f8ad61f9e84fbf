package vn.diemcau.live;

import java.util.List;
import java.util.Optional;

/**
 * The per-session event stream: sequence numbers, the recent frames kept for resumes, and the
 * hand-over to every subscriber. The in-memory implementation serves one instance; sharing it
 * between instances (Redis) means another implementation of this interface, nothing else.
 */
interface EventStream {
    /** Stamps the session's next sequence number, keeps the frame and hands it to every subscriber, in order. */
    default void publish(long sessionId, ServerMessage event) {
        publish(sessionId, event, Audience.EVERYONE);
    }

    /** As {@link #publish(long, ServerMessage)}, for the connections of {@code audience} only. */
    void publish(long sessionId, ServerMessage event, Audience audience);

    /** Receives every published frame of every session (the hub of this instance). */
    void subscribe(SessionFrameListener listener);

    /** The sequence number of the session's latest event. */
    long lastSeq(long sessionId);

    /** The frames after {@code lastSeq}, in order; empty when some of them are no longer kept. */
    Optional<List<Frame>> since(long sessionId, long lastSeq);

    /**
     * Drops what is kept for the session (numbers, recent frames). A later use starts a new
     * channel from the clock again; a lastSeq from the old one then gets a snapshot.
     */
    void forget(long sessionId);

    interface SessionFrameListener {
        void onFrame(long sessionId, Frame frame);
    }
}

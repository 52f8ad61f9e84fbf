package vn.diemcau.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import vn.diemcau.agenda.AgendaItemExtended;
import vn.diemcau.agenda.AgendaItemFinished;
import vn.diemcau.agenda.AgendaItemOverran;
import vn.diemcau.agenda.AgendaItemSkipped;
import vn.diemcau.agenda.AgendaItemStarted;
import vn.diemcau.agenda.AgendaReordered;
// floor
import vn.diemcau.floor.FloorDeclined;
import vn.diemcau.floor.FloorFinished;
import vn.diemcau.floor.FloorGranted;
import vn.diemcau.floor.FloorReordered;
import vn.diemcau.floor.FloorRequested;
import vn.diemcau.floor.FloorWithdrawn;
import vn.diemcau.floor.QuestionAsked;
import vn.diemcau.floor.QuestionModerated;
import vn.diemcau.point.PointStatusChanged;
import vn.diemcau.point.RollCallAnswered;
import vn.diemcau.point.RollCallStarted;
import vn.diemcau.session.SessionStatus;
import vn.diemcau.session.SessionStatusChanged;

/**
 * Turns the features' committed changes into events of the session's stream and fans every frame
 * out to the connections of that session on this instance.
 */
@ApplicationScoped
public class LiveHub {
    @Inject
    EventStream stream;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry tx;

    private static final Object PENDING = new Object();

    private final Map<Long, Set<LiveConnection>> sessions = new ConcurrentHashMap<>();
    /** Sessions that ended while this hub kept their stream: dropped once their last connection leaves. */
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        stream.subscribe(this::fanOut);
    }

    void publish(long sessionId, ServerMessage event) {
        stream.publish(sessionId, event);
        if (event instanceof ServerMessage.SessionEnded) {
            ended.add(sessionId);
            release(sessionId);
        }
    }

    private record Pending(long sessionId, ServerMessage event) {}

    /**
     * Events describe committed changes only, and in the order they happened. The observers below
     * take the features' events inside their transaction and publish them here once it has
     * committed, in firing order (separate AFTER_SUCCESS notifications of one transaction do not
     * keep that order: "item finished" came after "next item started").
     */
    private void afterCommit(long sessionId, ServerMessage event) {
        if (tx.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            publish(sessionId, event);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) tx.getResource(PENDING);
        if (pending == null) {
            List<Pending> events = new ArrayList<>();
            tx.putResource(PENDING, events);
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) events.forEach(p -> publish(p.sessionId(), p.event()));
                }
            });
            pending = events;
        }
        pending.add(new Pending(sessionId, event));
    }

    /**
     * Adds a connection: it gets the events after {@code lastSeq} when they are still kept,
     * otherwise a snapshot; events published meanwhile follow, none lost, none twice.
     */
    void join(LiveConnection c, Long lastSeq, Supplier<ServerMessage.Snapshot> snapshot) {
        c.hold();
        sessions.computeIfAbsent(c.sessionId, id -> ConcurrentHashMap.newKeySet())
                .add(c);
        if (lastSeq != null) {
            Optional<List<Frame>> missed = stream.since(c.sessionId, lastSeq);
            if (missed.isPresent()) {
                List<Frame> frames = missed.get();
                long upTo = frames.isEmpty()
                        ? lastSeq
                        : frames.get(frames.size() - 1).seq();
                c.start(upTo, frames.stream().map(Frame::text).toList());
                return;
            }
        }
        // Read the number first: whatever is published after it is in the held frames too.
        long seq = stream.lastSeq(c.sessionId);
        c.start(seq, List.of(LiveJson.text(json, seq, snapshot.get())));
    }

    void leave(LiveConnection c) {
        Set<LiveConnection> set = sessions.get(c.sessionId);
        if (set != null) set.remove(c);
        if (ended.contains(c.sessionId)) release(c.sessionId);
    }

    /**
     * Drops the stream and the bookkeeping of a session nobody follows any more (once it is over).
     * While a connection remains, everything stays, so a client that drops can still resume.
     */
    void release(long sessionId) {
        sessions.compute(sessionId, (id, set) -> {
            if (set != null && set.stream().anyMatch(c -> !c.closing())) return set;
            stream.forget(id);
            ended.remove(id);
            return null;
        });
    }

    /** Sessions this hub keeps something for and that have no open connection. */
    List<Long> idle() {
        return sessions.keySet().stream().filter(id -> connections(id) == 0).toList();
    }

    int connections(long sessionId) {
        Set<LiveConnection> set = sessions.get(sessionId);
        return set == null ? 0 : (int) set.stream().filter(c -> !c.closing()).count();
    }

    private void fanOut(long sessionId, Frame frame) {
        Set<LiveConnection> set = sessions.get(sessionId);
        if (set == null) return;
        for (LiveConnection c : set) {
            if (c.closing()) set.remove(c);
            else c.offer(frame);
        }
    }

    void on(@Observes SessionStatusChanged e) {
        if (e.to() == SessionStatus.LIVE)
            afterCommit(e.sessionId(), new ServerMessage.SessionStarted(e.sessionId(), e.at()));
        if (e.to() == SessionStatus.ENDED)
            afterCommit(e.sessionId(), new ServerMessage.SessionEnded(e.sessionId(), e.at()));
    }

    void on(@Observes AgendaItemStarted e) {
        afterCommit(e.sessionId(), new ServerMessage.ItemStarted(e.item()));
    }

    void on(@Observes AgendaItemFinished e) {
        afterCommit(e.sessionId(), new ServerMessage.ItemFinished(e.item()));
    }

    void on(@Observes AgendaItemSkipped e) {
        afterCommit(e.sessionId(), new ServerMessage.ItemSkipped(e.item()));
    }

    void on(@Observes AgendaItemExtended e) {
        afterCommit(e.sessionId(), new ServerMessage.ItemExtended(e.item(), e.minutes()));
    }

    void on(@Observes AgendaReordered e) {
        afterCommit(e.sessionId(), new ServerMessage.AgendaReordered(e.items()));
    }

    void on(@Observes PointStatusChanged e) {
        afterCommit(e.sessionId(), new ServerMessage.PointStatusChanged(e.point()));
    }

    void on(@Observes RollCallStarted e) {
        afterCommit(e.sessionId(), new ServerMessage.RollCallStarted(e.at(), e.by(), e.pending()));
    }

    // live-ui: overrun of the active item
    void on(@Observes AgendaItemOverran e) {
        afterCommit(e.sessionId(), new ServerMessage.ItemOverran(e.item()));
    }

    void on(@Observes RollCallAnswered e) {
        afterCommit(e.sessionId(), new ServerMessage.RollCallAnswered(e.pointId(), e.present(), e.at()));
    }

    // floor: requests to speak and written questions
    void on(@Observes FloorRequested e) {
        afterCommit(e.sessionId(), new ServerMessage.FloorRequested(e.request()));
    }

    void on(@Observes FloorGranted e) {
        afterCommit(e.sessionId(), new ServerMessage.FloorGranted(e.request()));
    }

    void on(@Observes FloorDeclined e) {
        afterCommit(e.sessionId(), new ServerMessage.FloorDeclined(e.request()));
    }

    void on(@Observes FloorWithdrawn e) {
        afterCommit(e.sessionId(), new ServerMessage.FloorWithdrawn(e.request()));
    }

    void on(@Observes FloorFinished e) {
        afterCommit(e.sessionId(), new ServerMessage.FloorFinished(e.request()));
    }

    void on(@Observes FloorReordered e) {
        afterCommit(e.sessionId(), new ServerMessage.FloorReordered(e.queue()));
    }

    void on(@Observes QuestionAsked e) {
        afterCommit(e.sessionId(), new ServerMessage.QuestionAsked(e.questionId(), e.pending()));
    }

    void on(@Observes QuestionModerated e) {
        ServerMessage m = switch (e.status()) {
            case APPROVED -> new ServerMessage.QuestionApproved(e.question(), e.pending());
            case ANSWERED -> new ServerMessage.QuestionAnswered(e.question(), e.pending());
            case HIDDEN -> new ServerMessage.QuestionHidden(e.questionId(), e.pending());
            case MERGED -> new ServerMessage.QuestionMerged(e.questionId(), e.mergedIntoId(), e.pending());
            case PENDING -> throw new IllegalArgumentException("a moderated question is never pending");
        };
        afterCommit(e.sessionId(), m);
    }
}

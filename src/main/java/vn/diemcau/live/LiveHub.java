package vn.diemcau.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import vn.diemcau.agenda.AgendaItemExtended;
import vn.diemcau.agenda.AgendaItemFinished;
import vn.diemcau.agenda.AgendaItemOverran;
import vn.diemcau.agenda.AgendaItemSkipped;
import vn.diemcau.agenda.AgendaItemStarted;
import vn.diemcau.agenda.AgendaReordered;
import vn.diemcau.common.AfterTransaction;
import vn.diemcau.document.DocumentRecalled;
import vn.diemcau.document.DocumentReleased;
// floor
import vn.diemcau.floor.FloorDeclined;
import vn.diemcau.floor.FloorFinished;
import vn.diemcau.floor.FloorGranted;
import vn.diemcau.floor.FloorReordered;
import vn.diemcau.floor.FloorRequested;
import vn.diemcau.floor.FloorWithdrawn;
import vn.diemcau.floor.QuestionAsked;
import vn.diemcau.floor.QuestionModerated;
import vn.diemcau.point.RollCallAnswered;
import vn.diemcau.point.RollCallStarted;
import vn.diemcau.poll.PollClosed;
import vn.diemcau.poll.PollOpened;
import vn.diemcau.poll.PollPublished;
import vn.diemcau.poll.PollResultsChanged;
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

    @Inject
    LiveService live;

    private static final Object PENDING = new Object();

    /** A session's connections on this instance, grouped by the event loop each socket lives on. */
    private final Map<Long, Room> sessions = new ConcurrentHashMap<>();
    /** Sessions that ended while this hub kept their stream: dropped once their last connection leaves. */
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        stream.subscribe(this::fanOut);
    }

    void publish(long sessionId, ServerMessage event) {
        publish(sessionId, event, Audience.EVERYONE);
    }

    /** To the connections of {@code audience} only (point states, roll call, attendance counts). */
    void publish(long sessionId, ServerMessage event, Audience audience) {
        stream.publish(sessionId, event, audience);
        if (event instanceof ServerMessage.SessionEnded) {
            ended.add(sessionId);
            release(sessionId);
        }
    }

    private record Pending(long sessionId, ServerMessage event, Audience audience) {}

    /**
     * Events describe committed changes only, and in the order they happened. The observers below
     * take the features' events inside their transaction and publish them here once it has
     * committed, in firing order (separate AFTER_SUCCESS notifications of one transaction do not
     * keep that order: "item finished" came after "next item started").
     */
    private void afterCommit(long sessionId, ServerMessage event) {
        afterCommit(sessionId, event, Audience.EVERYONE);
    }

    private void afterCommit(long sessionId, ServerMessage event, Audience audience) {
        AfterTransaction.collect(
                tx,
                PENDING,
                new Pending(sessionId, event, audience),
                events -> events.forEach(p -> stream.publish(p.sessionId(), p.event(), p.audience())));
    }

    /**
     * Adds a connection: it gets the events after {@code lastSeq} when they are still kept,
     * otherwise a snapshot; events published meanwhile follow, none lost, none twice.
     */
    void join(LiveConnection c, Long lastSeq, LongFunction<ServerMessage.Snapshot> snapshot) {
        c.hold();
        sessions.computeIfAbsent(c.sessionId, id -> new Room()).add(c);
        if (lastSeq != null) {
            Optional<List<Frame>> missed = stream.since(c.sessionId, lastSeq);
            if (missed.isPresent()) {
                List<Frame> frames = missed.get();
                long upTo = frames.isEmpty()
                        ? lastSeq
                        : frames.get(frames.size() - 1).seq();
                c.start(
                        upTo,
                        frames.stream().filter(c::accepts).map(Frame::text).toList());
                return;
            }
        }
        // Read the number first: whatever is published after it is in the held frames too.
        long seq = stream.lastSeq(c.sessionId);
        c.start(seq, List.of(LiveJson.text(json, seq, snapshot.apply(seq))));
    }

    void leave(LiveConnection c) {
        Room room = sessions.get(c.sessionId);
        if (room != null) room.remove(c);
        if (ended.contains(c.sessionId)) release(c.sessionId);
    }

    /**
     * Drops the stream and the bookkeeping of a session nobody follows any more (once it is over).
     * While a connection remains, everything stays, so a client that drops can still resume.
     */
    void release(long sessionId) {
        sessions.compute(sessionId, (id, room) -> {
            if (room != null && room.open() > 0) return room;
            stream.forget(id);
            live.forget(id);
            ended.remove(id);
            return null;
        });
    }

    /** Sessions this hub keeps something for and that have no open connection. */
    List<Long> idle() {
        return sessions.keySet().stream().filter(id -> connections(id) == 0).toList();
    }

    int connections(long sessionId) {
        Room room = sessions.get(sessionId);
        return room == null ? 0 : room.open();
    }

    /** Open connections of the session written to from their own event loop (the prepared-bytes path). */
    int onOwnEventLoop(long sessionId) {
        return count(sessionId, true, LiveConnection::direct);
    }

    /** Open connections of the session that get whole prepared messages on their channel (no extension). */
    int plain(long sessionId) {
        return count(sessionId, false, LiveConnection::plain);
    }

    /** Open connections of the session whose frames go straight to their sockets ({@link LiveConnection#straight()}). */
    int straight(long sessionId) {
        return count(sessionId, false, LiveConnection::straight);
    }

    /** Bytes the session's channels hold that their sockets have not taken yet. */
    long unsentBytes(long sessionId) {
        Room room = sessions.get(sessionId);
        if (room == null) return 0;
        long n = 0;
        for (Group group : room.byLoop.values()) for (LiveConnection c : group.members) n += c.unsentBytes();
        return n;
    }

    private int count(long sessionId, boolean ownLoopOnly, Predicate<LiveConnection> which) {
        Room room = sessions.get(sessionId);
        if (room == null) return 0;
        int n = 0;
        for (var e : room.byLoop.entrySet())
            if (!ownLoopOnly || e.getKey() != DIRECT)
                for (LiveConnection c : e.getValue().members) if (!c.closing() && which.test(c)) n++;
        return n;
    }

    /**
     * Hands the frame to every connection of the session: one task per event loop, which writes the
     * frame's prepared bytes to each of its sockets in turn (the publisher only enqueues). Frames of
     * one session are fanned out in sequence order, and each loop runs its tasks in that order.
     */
    private void fanOut(long sessionId, Frame frame) {
        Room room = sessions.get(sessionId);
        if (room == null) return;
        // staff-only frames (point states, counts, hidden results) never walk the phones' sockets
        (frame.staffOnly() ? room.staffByLoop : room.byLoop)
                .forEach((loop, group) -> loop.execute(() -> {
                    for (LiveConnection c : group.array()) {
                        if (c.closing()) group.remove(c);
                        else c.offer(frame);
                    }
                }));
    }

    /** The connections of one session, per event loop ({@link #DIRECT}: sockets without a known loop). */
    private static final class Room {
        final Map<Executor, Group> byLoop = new ConcurrentHashMap<>();
        /** The staff connections among them, grouped the same way. */
        final Map<Executor, Group> staffByLoop = new ConcurrentHashMap<>();

        void add(LiveConnection c) {
            add(byLoop, c);
            if (c.staff) add(staffByLoop, c);
        }

        void remove(LiveConnection c) {
            remove(byLoop, c);
            if (c.staff) remove(staffByLoop, c);
        }

        private static void add(Map<Executor, Group> groups, LiveConnection c) {
            groups.computeIfAbsent(c.loop == null ? DIRECT : c.loop, l -> new Group())
                    .add(c);
        }

        private static void remove(Map<Executor, Group> groups, LiveConnection c) {
            Group group = groups.get(c.loop == null ? DIRECT : c.loop);
            if (group != null) group.remove(c);
        }

        int open() {
            int n = 0;
            for (Group group : byLoop.values()) for (LiveConnection c : group.members) if (!c.closing()) n++;
            return n;
        }
    }

    /**
     * The connections of a session on one event loop, and an array of them for the fan-out to walk
     * (made again after a change: a frame costs no iterator over a concurrent set per event).
     */
    private static final class Group {
        final Set<LiveConnection> members = ConcurrentHashMap.newKeySet();
        /** Counts changes; an array made from an older count is made again. */
        private final AtomicInteger version = new AtomicInteger();

        private volatile Snapshot snapshot = new Snapshot(0, new LiveConnection[0]);

        private record Snapshot(int version, LiveConnection[] connections) {}

        void add(LiveConnection c) {
            members.add(c);
            version.incrementAndGet();
        }

        void remove(LiveConnection c) {
            if (members.remove(c)) version.incrementAndGet();
        }

        /**
         * The members as of now. The count is read before the set, so a connection added meanwhile
         * makes the next call build again; a connection added before the read is in the array.
         */
        LiveConnection[] array() {
            int v = version.get();
            Snapshot s = snapshot;
            if (s.version() == v) return s.connections();
            LiveConnection[] now = members.toArray(new LiveConnection[0]);
            snapshot = new Snapshot(v, now);
            return now;
        }
    }

    private static final Executor DIRECT = Runnable::run;

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

    void on(@Observes RollCallStarted e) {
        afterCommit(e.sessionId(), new ServerMessage.RollCallStarted(e.at(), e.by(), e.pending()), Audience.STAFF);
    }

    // live-ui: overrun of the active item
    void on(@Observes AgendaItemOverran e) {
        afterCommit(e.sessionId(), new ServerMessage.ItemOverran(e.item()));
    }

    void on(@Observes RollCallAnswered e) {
        afterCommit(
                e.sessionId(), new ServerMessage.RollCallAnswered(e.pointId(), e.present(), e.at()), Audience.STAFF);
    }

    // documents
    void on(@Observes DocumentReleased e) {
        afterCommit(e.sessionId(), new ServerMessage.DocumentReleased(e.documentId(), e.agendaItemId(), e.at()));
    }

    void on(@Observes DocumentRecalled e) {
        afterCommit(e.sessionId(), new ServerMessage.DocumentRecalled(e.documentId(), e.at()));
    }

    // --- polls ---
    void on(@Observes PollOpened e) {
        afterCommit(e.sessionId(), new ServerMessage.PollOpened(e.poll()));
    }

    void on(@Observes PollClosed e) {
        afterCommit(e.sessionId(), new ServerMessage.PollClosed(e.poll()));
    }

    void on(@Observes PollPublished e) {
        afterCommitSplit(e.sessionId(), e.poll(), e.poll().withoutPoints(), true, ServerMessage.PollPublished::new);
    }

    void on(@Observes PollResultsChanged e) {
        afterCommitSplit(
                e.sessionId(),
                e.results(),
                e.results().withoutPoints(),
                e.participantsMaySee(),
                r -> new ServerMessage.PollResultsChanged(r.pollId(), r));
    }

    /**
     * Poll results to staff, and to phones too when {@code phones}: each point's part only to the
     * main hall and the big screen (the overseers), the {@code brief} version to the others; one frame
     * when there is no such part.
     */
    private <T> void afterCommitSplit(
            long sessionId, T all, T brief, boolean phones, Function<T, ServerMessage> frame) {
        if (brief == all) {
            afterCommit(sessionId, frame.apply(all), phones ? Audience.EVERYONE : Audience.STAFF);
            return;
        }
        afterCommit(sessionId, frame.apply(all), Audience.OVERSEERS);
        afterCommit(sessionId, frame.apply(brief), phones ? Audience.NOT_OVERSEERS : Audience.CONSOLES);
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

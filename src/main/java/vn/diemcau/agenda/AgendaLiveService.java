package vn.diemcau.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;
import vn.diemcau.session.SessionStatusChanged;

/** The agenda while the session runs: the main hall starts, finishes, skips, extends and reorders items. */
@ApplicationScoped
public class AgendaLiveService {
    private static final String TARGET = "agenda-item";
    static final int MAX_EXTENSION = 180;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Inject
    Event<AgendaItemStarted> started;

    @Inject
    Event<AgendaItemFinished> finished;

    @Inject
    Event<AgendaItemSkipped> skipped;

    @Inject
    Event<AgendaItemExtended> extended;

    @Inject
    Event<AgendaReordered> reordered;

    @Inject
    Event<AgendaItemOverran> overran;

    @Transactional
    public List<AgendaLiveItem> items(long sessionId) {
        access.requireRead(sessionId);
        return Agenda.of(sessions.require(sessionId)).live();
    }

    /** Starts a pending item; the item running until now is finished first (only one is ACTIVE). */
    @Transactional
    public void start(long sessionId, long itemId) {
        Agenda a = running(sessionId);
        AgendaItem item = a.require(itemId);
        if (item.status != AgendaItemStatus.PENDING)
            throw ProblemException.conflict("agenda.item-not-pending", item.title, item.status);
        a.active().forEach(active -> close(a, active));
        item.status = AgendaItemStatus.ACTIVE;
        item.actualStart = Instant.now(clock);
        item.updatedAt = item.actualStart;
        audit.record(sessionId, "agenda.item.started", TARGET, item.id, item.title);
        started.fire(new AgendaItemStarted(sessionId, a.live(item)));
    }

    @Transactional
    public void finish(long sessionId, long itemId) {
        Agenda a = running(sessionId);
        AgendaItem item = a.require(itemId);
        if (item.status != AgendaItemStatus.ACTIVE)
            throw ProblemException.conflict("agenda.item-not-active", item.title, item.status);
        close(a, item);
    }

    @Transactional
    public void skip(long sessionId, long itemId) {
        Agenda a = running(sessionId);
        AgendaItem item = a.require(itemId);
        if (item.status != AgendaItemStatus.PENDING)
            throw ProblemException.conflict("agenda.item-not-pending", item.title, item.status);
        item.status = AgendaItemStatus.SKIPPED;
        item.updatedAt = Instant.now(clock);
        audit.record(sessionId, "agenda.item.skipped", TARGET, item.id, item.title);
        skipped.fire(new AgendaItemSkipped(sessionId, a.live(item)));
    }

    /** More time for the active item: its planned duration grows, so the items after it move too. */
    @Transactional
    public void extend(long sessionId, long itemId, int minutes) {
        if (minutes < 1 || minutes > MAX_EXTENSION)
            throw ProblemException.badRequest("agenda.extension-out-of-range", MAX_EXTENSION);
        Agenda a = running(sessionId);
        AgendaItem item = a.require(itemId);
        if (item.status != AgendaItemStatus.ACTIVE)
            throw ProblemException.conflict("agenda.item-not-active", item.title, item.status);
        item.durationMinutes += minutes;
        item.updatedAt = Instant.now(clock);
        audit.record(sessionId, "agenda.item.extended", TARGET, item.id, "+" + minutes + " min");
        extended.fire(new AgendaItemExtended(sessionId, a.live(item), minutes));
    }

    /**
     * New order for the pending items (all of them, each once); done, active and skipped items keep
     * their places ahead of them.
     */
    @Transactional
    public void reorderPending(long sessionId, List<Long> pendingIds) {
        Agenda a = running(sessionId);
        Map<Long, AgendaItem> pending = a.items.stream()
                .filter(i -> i.status == AgendaItemStatus.PENDING)
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        if (pendingIds == null
                || pendingIds.size() != pending.size()
                || !new HashSet<>(pendingIds).equals(pending.keySet()))
            throw ProblemException.badRequest("agenda.order-mismatch", pending.size());
        List<AgendaItem> order = new ArrayList<>(a.items.stream()
                .filter(i -> i.status != AgendaItemStatus.PENDING)
                .toList());
        pendingIds.forEach(id -> order.add(pending.get(id)));
        Instant now = Instant.now(clock);
        for (int i = 0; i < order.size(); i++) {
            AgendaItem item = order.get(i);
            if (item.position != i + 1) {
                item.position = i + 1;
                item.updatedAt = now;
            }
        }
        audit.record(
                sessionId,
                "agenda.reordered",
                "session",
                sessionId,
                pendingIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        reordered.fire(new AgendaReordered(sessionId, a.live()));
    }

    /**
     * Announces, once per item, every active item that has run past its planned end (extensions
     * included). Called by the live scheduler; the mark in the row keeps it once across restarts.
     */
    @Transactional
    public int markOverruns() {
        Instant now = Instant.now(clock);
        int count = 0;
        List<AgendaItem> running = AgendaItem.list(
                "status = ?1 and overranAt is null and actualStart is not null", AgendaItemStatus.ACTIVE);
        for (AgendaItem item : running) {
            if (!item.actualStart.plusSeconds(item.durationMinutes * 60L).isBefore(now)) continue;
            item.overranAt = now;
            overran.fire(new AgendaItemOverran(
                    item.sessionId, Agenda.of(sessions.require(item.sessionId)).live(item)));
            count++;
        }
        return count;
    }

    /** Same transaction as the status change: the end of the session closes the item still running. */
    void closeOnEnd(@Observes SessionStatusChanged e) {
        if (e.to() != SessionStatus.ENDED) return;
        Agenda a = Agenda.of(sessions.require(e.sessionId()));
        a.active().forEach(active -> close(a, active));
    }

    private void close(Agenda a, AgendaItem item) {
        item.status = AgendaItemStatus.DONE;
        item.actualEnd = Instant.now(clock);
        item.updatedAt = item.actualEnd;
        audit.record(a.session.id, "agenda.item.finished", TARGET, item.id, item.title);
        finished.fire(new AgendaItemFinished(a.session.id, a.live(item)));
    }

    private Agenda running(long sessionId) {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
        Session s = sessions.require(sessionId);
        if (s.status != SessionStatus.LIVE) throw ProblemException.conflict("live.session-not-live", s.status);
        return Agenda.of(s);
    }

    /**
     * A session's agenda, read once for a whole action: its items are the managed rows the action
     * changes, so the live views built from them show the changes without reading the agenda again
     * (each read would also flush what changed so far: two more round trips to the database).
     */
    private static final class Agenda {
        final Session session;
        /** Kept in programme order ({@link #live} sorts it again after a reorder). */
        final List<AgendaItem> items;

        private Agenda(Session session, List<AgendaItem> items) {
            this.session = session;
            this.items = items;
        }

        static Agenda of(Session s) {
            return new Agenda(s, new ArrayList<>(AgendaItem.ofSession(s.id)));
        }

        AgendaItem require(long itemId) {
            return items.stream()
                    .filter(i -> i.id == itemId)
                    .findFirst()
                    .orElseThrow(() -> ProblemException.notFound("agenda-item", itemId));
        }

        List<AgendaItem> active() {
            return items.stream()
                    .filter(i -> i.status == AgendaItemStatus.ACTIVE)
                    .toList();
        }

        /** The programme as it stands now, in the order {@link AgendaItem#ofSession} reads it. */
        List<AgendaLiveItem> live() {
            items.sort(BY_PLACE);
            Map<Long, AgendaItem> byId = items.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
            return AgendaTimeline.of(items, session.startsAt, session.endsAt).stream()
                    .map(v -> AgendaLiveItem.from(v, byId.get(v.id())))
                    .toList();
        }

        AgendaLiveItem live(AgendaItem item) {
            return live().stream().filter(i -> i.id() == item.id).findFirst().orElseThrow();
        }

        private static final Comparator<AgendaItem> BY_PLACE =
                Comparator.<AgendaItem>comparingInt(i -> i.position).thenComparing(i -> i.id);
    }
}

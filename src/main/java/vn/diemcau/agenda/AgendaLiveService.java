package vn.diemcau.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
        return live(sessions.require(sessionId));
    }

    /** Starts a pending item; the item running until now is finished first (only one is ACTIVE). */
    @Transactional
    public void start(long sessionId, long itemId) {
        Session s = running(sessionId);
        AgendaItem item = require(sessionId, itemId);
        if (item.status != AgendaItemStatus.PENDING)
            throw ProblemException.conflict("agenda.item-not-pending", item.title, item.status);
        AgendaItem.<AgendaItem>list("sessionId = ?1 and status = ?2", sessionId, AgendaItemStatus.ACTIVE)
                .forEach(active -> close(s, active));
        item.status = AgendaItemStatus.ACTIVE;
        item.actualStart = Instant.now(clock);
        item.updatedAt = item.actualStart;
        audit.record(sessionId, "agenda.item.started", TARGET, item.id, item.title);
        started.fire(new AgendaItemStarted(sessionId, live(s, item)));
    }

    @Transactional
    public void finish(long sessionId, long itemId) {
        Session s = running(sessionId);
        AgendaItem item = require(sessionId, itemId);
        if (item.status != AgendaItemStatus.ACTIVE)
            throw ProblemException.conflict("agenda.item-not-active", item.title, item.status);
        close(s, item);
    }

    @Transactional
    public void skip(long sessionId, long itemId) {
        Session s = running(sessionId);
        AgendaItem item = require(sessionId, itemId);
        if (item.status != AgendaItemStatus.PENDING)
            throw ProblemException.conflict("agenda.item-not-pending", item.title, item.status);
        item.status = AgendaItemStatus.SKIPPED;
        item.updatedAt = Instant.now(clock);
        audit.record(sessionId, "agenda.item.skipped", TARGET, item.id, item.title);
        skipped.fire(new AgendaItemSkipped(sessionId, live(s, item)));
    }

    /** More time for the active item: its planned duration grows, so the items after it move too. */
    @Transactional
    public void extend(long sessionId, long itemId, int minutes) {
        if (minutes < 1 || minutes > MAX_EXTENSION)
            throw ProblemException.badRequest("agenda.extension-out-of-range", MAX_EXTENSION);
        Session s = running(sessionId);
        AgendaItem item = require(sessionId, itemId);
        if (item.status != AgendaItemStatus.ACTIVE)
            throw ProblemException.conflict("agenda.item-not-active", item.title, item.status);
        item.durationMinutes += minutes;
        item.updatedAt = Instant.now(clock);
        audit.record(sessionId, "agenda.item.extended", TARGET, item.id, "+" + minutes + " min");
        extended.fire(new AgendaItemExtended(sessionId, live(s, item), minutes));
    }

    /**
     * New order for the pending items (all of them, each once); done, active and skipped items keep
     * their places ahead of them.
     */
    @Transactional
    public void reorderPending(long sessionId, List<Long> pendingIds) {
        Session s = running(sessionId);
        List<AgendaItem> items = AgendaItem.ofSession(sessionId);
        Map<Long, AgendaItem> pending = items.stream()
                .filter(i -> i.status == AgendaItemStatus.PENDING)
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        if (pendingIds == null
                || pendingIds.size() != pending.size()
                || !new HashSet<>(pendingIds).equals(pending.keySet()))
            throw ProblemException.badRequest("agenda.order-mismatch", pending.size());
        List<AgendaItem> order = new ArrayList<>(
                items.stream().filter(i -> i.status != AgendaItemStatus.PENDING).toList());
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
        reordered.fire(new AgendaReordered(sessionId, live(s)));
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
            Session s = sessions.require(item.sessionId);
            overran.fire(new AgendaItemOverran(item.sessionId, live(s, item)));
            count++;
        }
        return count;
    }

    /** Same transaction as the status change: the end of the session closes the item still running. */
    void closeOnEnd(@Observes SessionStatusChanged e) {
        if (e.to() != SessionStatus.ENDED) return;
        Session s = sessions.require(e.sessionId());
        AgendaItem.<AgendaItem>list("sessionId = ?1 and status = ?2", e.sessionId(), AgendaItemStatus.ACTIVE)
                .forEach(active -> close(s, active));
    }

    private void close(Session s, AgendaItem item) {
        item.status = AgendaItemStatus.DONE;
        item.actualEnd = Instant.now(clock);
        item.updatedAt = item.actualEnd;
        audit.record(s.id, "agenda.item.finished", TARGET, item.id, item.title);
        finished.fire(new AgendaItemFinished(s.id, live(s, item)));
    }

    private Session running(long sessionId) {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
        Session s = sessions.require(sessionId);
        if (s.status != SessionStatus.LIVE) throw ProblemException.conflict("live.session-not-live", s.status);
        return s;
    }

    private static AgendaItem require(long sessionId, long itemId) {
        AgendaItem item = AgendaItem.findById(itemId);
        if (item == null || item.sessionId != sessionId) throw ProblemException.notFound("agenda-item", itemId);
        return item;
    }

    private static List<AgendaLiveItem> live(Session s) {
        List<AgendaItem> items = AgendaItem.ofSession(s.id);
        Map<Long, AgendaItem> byId = items.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        return AgendaTimeline.of(items, s.startsAt, s.endsAt).stream()
                .map(v -> AgendaLiveItem.from(v, byId.get(v.id())))
                .toList();
    }

    private static AgendaLiveItem live(Session s, AgendaItem item) {
        return live(s).stream().filter(i -> i.id() == item.id).findFirst().orElseThrow();
    }
}

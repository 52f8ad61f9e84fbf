package vn.diemcau.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.security.Access;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionCopied;
import vn.diemcau.session.SessionService;

@ApplicationScoped
public class AgendaService {
    private static final String TARGET = "agenda-item";

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Transactional
    public List<AgendaItemView> list(long sessionId) {
        access.requireRead(sessionId);
        return timeline(sessions.require(sessionId));
    }

    @Transactional
    public AgendaItemView create(long sessionId, AgendaItemRequest r) {
        Session s = sessions.requireEditable(sessionId);
        List<AgendaItem> existing = AgendaItem.ofSession(sessionId);
        AgendaItem item = new AgendaItem();
        item.sessionId = sessionId;
        item.position = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).position + 1;
        item.createdAt = Instant.now(clock);
        apply(item, r);
        item.persist();
        audit.record(sessionId, "agenda.item.created", TARGET, item.id, item.title);
        return view(s, item.id);
    }

    @Transactional
    public AgendaItemView update(long sessionId, long itemId, AgendaItemRequest r) {
        Session s = sessions.requireEditable(sessionId);
        AgendaItem item = require(sessionId, itemId);
        if (r.version() != null && r.version() != item.version) throw ProblemException.conflict("stale");
        apply(item, r);
        audit.record(sessionId, "agenda.item.updated", TARGET, item.id, item.title);
        return view(s, item.id);
    }

    @Transactional
    public void delete(long sessionId, long itemId) {
        sessions.requireEditable(sessionId);
        AgendaItem item = require(sessionId, itemId);
        item.delete();
        // Close the gap so positions stay 1..n, which is what the organizer sees as "Thứ tự".
        List<AgendaItem> rest = AgendaItem.ofSession(sessionId);
        for (int i = 0; i < rest.size(); i++) move(rest.get(i), i + 1);
        audit.record(sessionId, "agenda.item.deleted", TARGET, itemId, item.title);
    }

    @Transactional
    public List<AgendaItemView> reorder(long sessionId, AgendaOrderRequest r) {
        Session s = sessions.requireEditable(sessionId);
        List<AgendaItem> items = AgendaItem.ofSession(sessionId);
        List<Long> ids = r.itemIds();
        Map<Long, AgendaItem> byId = items.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        // Equal sizes and equal sets: every item exactly once, nothing unknown, no duplicates.
        if (ids.size() != items.size() || !new HashSet<>(ids).equals(byId.keySet())) {
            throw ProblemException.badRequest("agenda.order-mismatch", items.size());
        }
        for (int i = 0; i < ids.size(); i++) move(byId.get(ids.get(i)), i + 1);
        audit.record(
                sessionId,
                "agenda.reordered",
                "session",
                sessionId,
                ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return timeline(s);
    }

    /** Same transaction as the copy: the new session gets the agenda, moved with its start. */
    void copyAgenda(@Observes SessionCopied e) {
        Session source = sessions.require(e.sourceId());
        Session target = sessions.require(e.targetId());
        Duration shift = source.startsAt != null && target.startsAt != null
                ? Duration.between(source.startsAt, target.startsAt)
                : Duration.ZERO;
        List<AgendaItem> items = AgendaItem.ofSession(e.sourceId());
        Instant now = Instant.now(clock);
        for (AgendaItem from : items) {
            AgendaItem to = new AgendaItem();
            to.sessionId = e.targetId();
            to.position = from.position;
            to.title = from.title;
            to.presenter = from.presenter;
            to.plannedStart = from.plannedStart == null ? null : from.plannedStart.plus(shift);
            to.durationMinutes = from.durationMinutes;
            to.notes = from.notes;
            to.createdAt = now;
            to.updatedAt = now;
            to.persist();
        }
        if (!items.isEmpty()) {
            audit.record(
                    e.targetId(),
                    "agenda.copied",
                    "session",
                    e.targetId(),
                    items.size() + " items from session " + e.sourceId());
        }
    }

    private AgendaItem require(long sessionId, long itemId) {
        AgendaItem item = AgendaItem.findById(itemId);
        if (item == null || item.sessionId != sessionId) throw ProblemException.notFound("agenda-item", itemId);
        return item;
    }

    private void apply(AgendaItem item, AgendaItemRequest r) {
        item.title = Text.clean(r.title());
        item.presenter = Text.clean(r.presenter());
        item.plannedStart = toInstant(r.plannedStart());
        item.durationMinutes = r.durationMinutes();
        item.notes = Text.cleanLines(r.notes());
        item.updatedAt = Instant.now(clock);
    }

    private void move(AgendaItem item, int position) {
        if (item.position == position) return;
        item.position = position;
        item.updatedAt = Instant.now(clock);
    }

    private static List<AgendaItemView> timeline(Session s) {
        return AgendaTimeline.of(AgendaItem.ofSession(s.id), s.startsAt, s.endsAt);
    }

    private static AgendaItemView view(Session s, long itemId) {
        return timeline(s).stream().filter(v -> v.id() == itemId).findFirst().orElseThrow();
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}

package vn.diemcau.session;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.Page;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.Roles;
import vn.diemcau.unit.UnitService;

@ApplicationScoped
public class SessionService {
    @Inject
    Clock clock;

    @Inject
    CurrentUser user;

    @Inject
    Access access;

    @Inject
    AuditService audit;

    @Inject
    UnitService units;

    @Inject
    Event<SessionCopied> copied;

    @Inject
    Event<SessionStatusChanged> statusChanged;

    @Transactional
    public Page<SessionView> list(SessionStatus status, String q, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (status != null) {
            where.add("status = :status");
            p.and("status", status);
        }
        if (q != null && !q.isBlank()) {
            where.add("lower(title) like :q");
            p.and("q", "%" + q.strip().toLowerCase() + "%");
        }
        if (!user.isOrganizer() && !user.is(Roles.OBSERVER)) {
            Set<Long> mine = access.operatedSessions();
            if (mine.isEmpty()) return new Page<>(List.of(), 0, page, size);
            where.add("id in :mine");
            p.and("mine", mine);
        }
        String order = "order by case when startsAt is null then 1 else 0 end, startsAt desc, id desc";
        var found = Session.find(where.isEmpty() ? order : String.join(" and ", where) + " " + order, p);
        long total = found.count();
        List<SessionView> items = found.page(page, size).<Session>list().stream()
                .map(SessionView::from)
                .toList();
        return new Page<>(items, total, page, size);
    }

    @Transactional
    public SessionView get(long id) {
        access.requireRead(id);
        return SessionView.from(require(id));
    }

    /** For other features: the session, or a 404. */
    @Transactional
    public Session require(long id) {
        Session s = Session.findById(id);
        if (s == null) throw ProblemException.notFound("session", id);
        return s;
    }

    /** For other features: 404 if missing, 409 unless the session is still being prepared. */
    @Transactional
    public Session requireEditable(long id) {
        Session s = require(id);
        if (!s.status.editable()) throw ProblemException.conflict("session.not-editable", s.status);
        return s;
    }

    @Transactional
    public SessionView create(SessionRequest r) {
        Session s = new Session();
        s.status = SessionStatus.DRAFT;
        s.createdBy = user.name();
        s.createdAt = Instant.now(clock);
        apply(s, r);
        s.persist();
        audit.record(s.id, "session.created", "session", s.id, s.title);
        return SessionView.from(s);
    }

    @Transactional
    public SessionView update(long id, SessionRequest r) {
        Session s = requireEditable(id);
        checkVersion(s, r.version());
        apply(s, r);
        if (s.status == SessionStatus.SCHEDULED) requireSchedulable(s);
        audit.record(s.id, "session.updated", "session", s.id, s.title);
        return flushed(s);
    }

    @Transactional
    public SessionView transition(long id, SessionStatus expected, SessionStatus target, Long version) {
        Session s = require(id);
        checkVersion(s, version);
        SessionStatus from = s.status;
        if ((expected != null && from != expected) || !from.canGoTo(target))
            throw ProblemException.conflict("session.invalid-transition", from, target);
        if (target == SessionStatus.SCHEDULED) requireSchedulable(s);
        s.status = target;
        s.updatedAt = Instant.now(clock);
        audit.record(s.id, "session.status." + target.name().toLowerCase(), "session", s.id, from + " → " + target);
        statusChanged.fire(new SessionStatusChanged(s.id, from, target, s.updatedAt));
        return flushed(s);
    }

    @Transactional
    public SessionView copy(long sourceId, SessionCopyRequest r) {
        Session src = require(sourceId);
        Session s = new Session();
        s.title = Text.clean(r.title());
        s.kind = src.kind;
        s.description = src.description;
        s.hostUnitId = src.hostUnitId;
        s.hostUnitName = src.hostUnitName;
        s.location = src.location;
        s.videoLink = src.videoLink;
        s.startsAt = r.startsAt() == null ? null : r.startsAt().toInstant();
        s.endsAt = r.endsAt() == null ? null : r.endsAt().toInstant();
        requireOrder(s.startsAt, s.endsAt);
        s.status = SessionStatus.DRAFT;
        s.copiedFromId = src.id;
        s.createdBy = user.name();
        s.createdAt = Instant.now(clock);
        s.updatedAt = s.createdAt;
        s.persist();
        boolean roster = r.includeRoster() == null || r.includeRoster();
        copied.fire(new SessionCopied(src.id, s.id, roster));
        audit.record(s.id, "session.copied", "session", s.id, "from " + src.id);
        return SessionView.from(s);
    }

    /** The view after the flush, so it carries the version the next edit must send back. */
    private static SessionView flushed(Session s) {
        Session.flush();
        return SessionView.from(s);
    }

    private void apply(Session s, SessionRequest r) {
        s.title = Text.clean(r.title());
        s.kind = r.kind();
        s.description = Text.clean(r.description());
        s.location = Text.clean(r.location());
        s.videoLink = Text.clean(r.videoLink());
        s.startsAt = toInstant(r.startsAt());
        s.endsAt = toInstant(r.endsAt());
        requireOrder(s.startsAt, s.endsAt);
        if (r.hostUnitId() == null) {
            s.hostUnitId = null;
            s.hostUnitName = null;
        } else if (!r.hostUnitId().equals(s.hostUnitId)) {
            // Snapshot: renaming the unit later does not rewrite this session.
            s.hostUnitName = units.currentName(r.hostUnitId());
            s.hostUnitId = r.hostUnitId();
        }
        s.updatedAt = Instant.now(clock);
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static void requireOrder(Instant start, Instant end) {
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.badRequest("session.ends-before-start");
        }
    }

    private static void requireSchedulable(Session s) {
        if (s.startsAt == null || s.endsAt == null) {
            throw ProblemException.conflict("session.needs-time");
        }
    }

    private static void checkVersion(Session s, Long version) {
        if (version != null && version != s.version) throw ProblemException.conflict("stale");
    }
}

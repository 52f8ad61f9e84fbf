package vn.diemcau.roster;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.Page;
import vn.diemcau.common.Problem;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.point.PointService;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.InvitationCache;
import vn.diemcau.security.InvitationTokens;
import vn.diemcau.security.Roles;
import vn.diemcau.session.SessionService;

/** The roster of a session: who is expected, where they attend, and their personal invitations. */
@ApplicationScoped
public class DelegateService {
    static final String ORDER = " order by nameSortKey, id";

    @Inject
    InvitationCache invitationCache;

    @Inject
    Clock clock;

    @Inject
    CurrentUser user;

    @Inject
    Access access;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Inject
    PointService points;

    @Inject
    InvitationTokens tokens;

    @ConfigProperty(name = "diemcau.public-url")
    String publicUrl;

    @Transactional
    public Page<DelegateView> list(long sessionId, String q, Long pointId, String category, int page, int size) {
        Set<Long> visible = visiblePoints(sessionId);
        List<String> where = new ArrayList<>(List.of("sessionId = :session"));
        Parameters p = Parameters.with("session", sessionId);
        if (visible != null) {
            if (visible.isEmpty()) return new Page<>(List.of(), 0, page, size);
            where.add("pointId in :visible");
            p.and("visible", visible);
        }
        if (pointId != null) {
            if (visible != null && !visible.contains(pointId)) throw ProblemException.forbidden("point.not-assigned");
            where.add("pointId = :point");
            p.and("point", pointId);
        }
        String c = Text.clean(category);
        if (c != null) {
            where.add("category = :category");
            p.and("category", c);
        }
        String[] words = Text.fold(q).split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) continue;
            // every word somewhere in name, unit or position: "nguyen quat" finds "Nguyễn Hữu Quất"
            where.add("searchFolded like :w" + i + " escape '\\'");
            p.and(
                    "w" + i,
                    "%" + words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var found = Delegate.find(String.join(" and ", where) + ORDER, p);
        long total = found.count();
        return new Page<>(views(found.page(page, size).list()), total, page, size);
    }

    @Transactional
    public DelegateView get(long sessionId, long delegateId) {
        Set<Long> visible = visiblePoints(sessionId);
        Delegate d = require(sessionId, delegateId);
        if (visible != null && (d.pointId == null || !visible.contains(d.pointId)))
            throw ProblemException.forbidden("point.not-assigned");
        return view(d);
    }

    @Transactional
    public DelegateView create(long sessionId, DelegateRequest r, boolean allowDuplicate) {
        sessions.requireEditable(sessionId);
        Delegate d = new Delegate();
        d.sessionId = sessionId;
        apply(d, r);
        if (!allowDuplicate) requireNoTwin(d);
        d.createdAt = d.updatedAt;
        d.persist();
        audit.record(sessionId, d.pointId, "delegate.created", "delegate", d.id, describe(d));
        return view(d);
    }

    @Transactional
    public DelegateView update(long sessionId, long delegateId, DelegateRequest r, boolean allowDuplicate) {
        sessions.requireEditable(sessionId);
        Delegate d = require(sessionId, delegateId);
        if (r.version() != null && r.version() != d.version) throw ProblemException.conflict("stale");
        String name = d.nameFolded;
        String unit = d.unitFolded;
        apply(d, r);
        // an accepted duplicate stays editable; only a new name or unit is checked again
        if (!allowDuplicate && !(name.equals(d.nameFolded) && unit.equals(d.unitFolded))) requireNoTwin(d);
        audit.record(sessionId, d.pointId, "delegate.updated", "delegate", d.id, describe(d));
        invitationCache.forgetAfterCommit(d.invitationHash); // name or point may have changed
        Delegate.flush();
        return view(d);
    }

    @Transactional
    public void delete(long sessionId, long delegateId) {
        sessions.requireEditable(sessionId);
        Delegate d = require(sessionId, delegateId);
        invitationCache.forgetAfterCommit(d.invitationHash);
        d.delete();
        audit.record(sessionId, d.pointId, "delegate.deleted", "delegate", d.id, describe(d));
    }

    /** Groups of delegates that look like the same person entered twice. */
    @Transactional
    public List<DuplicateGroup> duplicates(long sessionId) {
        access.requireRead(sessionId);
        sessions.require(sessionId);
        List<Delegate> twins = Delegate.list(
                "from Delegate d where d.sessionId = ?1 and exists (from Delegate o where o.sessionId = d.sessionId"
                        + " and o.nameFolded = d.nameFolded and o.unitFolded = d.unitFolded and o.id <> d.id)"
                        + ORDER,
                sessionId);
        Map<String, List<Delegate>> groups = twins.stream()
                .collect(Collectors.groupingBy(Delegate::twinKey, LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream()
                .map(e -> new DuplicateGroup(e.getKey(), views(e.getValue())))
                .toList();
    }

    /** The personal invitation: the same token each time until it is revoked. */
    @Transactional
    public InvitationView issueInvitation(long sessionId, long delegateId) {
        sessions.require(sessionId);
        Delegate d = require(sessionId, delegateId);
        if (d.invitationSalt == null) d.invitationSalt = tokens.newSalt();
        String token = tokens.token(d.id, d.invitationSalt);
        if (!d.invitationActive()) {
            d.invitationHash = InvitationTokens.hash(token);
            d.invitationIssuedAt = Instant.now(clock);
            d.invitationRevokedAt = null;
        }
        audit.record(sessionId, d.pointId, "delegate.invitation.issued", "delegate", d.id, d.fullName);
        return invitation(token);
    }

    /** The current invitation, neither issued nor audited: for showing again what was already handed out. */
    @Transactional
    public Optional<InvitationView> currentInvitation(long sessionId, long delegateId) {
        Delegate d = Delegate.findById(delegateId);
        if (d == null || d.sessionId != sessionId || !d.invitationActive()) return Optional.empty();
        return Optional.of(invitation(tokens.token(d.id, d.invitationSalt)));
    }

    /** Registration: ids of the delegates with the same name and unit (diacritics and case ignored). */
    @Transactional
    public List<Long> twins(long sessionId, String fullName, String unitName) {
        return Delegate.getEntityManager()
                .createQuery(
                        "select d.id from Delegate d where d.sessionId = :s and d.nameFolded = :n"
                                + " and d.unitFolded = :u order by d.id",
                        Long.class)
                .setParameter("s", sessionId)
                .setParameter("n", Text.fold(fullName))
                .setParameter("u", Text.fold(unitName))
                .getResultList();
    }

    private InvitationView invitation(String token) {
        return new InvitationView(token, publicUrl.replaceAll("/+$", "") + "/i/" + token);
    }

    /** A new salt: the old token stops matching at once, and the next issue makes a different one. */
    @Transactional
    public void revokeInvitation(long sessionId, long delegateId) {
        sessions.require(sessionId);
        Delegate d = require(sessionId, delegateId);
        if (!d.invitationActive()) return;
        invitationCache.forgetAfterCommit(d.invitationHash);
        d.invitationSalt = tokens.newSalt();
        d.invitationHash = null;
        d.invitationRevokedAt = Instant.now(clock);
        audit.record(sessionId, d.pointId, "delegate.invitation.revoked", "delegate", d.id, d.fullName);
    }

    // --- attendance ---
    /**
     * A walk-in (đại biểu phát sinh) added at a point while the session runs: joins the roster
     * even though it is no longer editable, never refused as a duplicate (the operator saw them).
     * The caller checks the point and the operator's rights.
     */
    @Transactional
    public DelegateView addWalkIn(long sessionId, long pointId, String fullName, String position, String unitName) {
        Delegate d = new Delegate();
        d.sessionId = sessionId;
        apply(d, new DelegateRequest(fullName, position, unitName, null, pointId, null, null, null, null));
        d.createdAt = d.updatedAt;
        d.persist();
        audit.record(sessionId, pointId, "delegate.walk-in.added", "delegate", d.id, describe(d));
        return view(d);
    }
    // --- end attendance ---

    /** For the participant feature: the delegate an invitation was checked for, unscoped. */
    @Transactional
    public DelegateView participant(long delegateId) {
        Delegate d = Delegate.findById(delegateId);
        if (d == null) throw ProblemException.notFound("delegate", delegateId);
        return view(d);
    }

    /** Who a delegate is, in short: what a participant's own answers show. */
    public record Brief(long id, long sessionId, String fullName, String position, String unitName, Long pointId) {
        /** The columns {@link #read} reads, of the delegates table as {@code d}. */
        public static final String COLUMNS = "d.id, d.session_id, d.full_name, d.position, d.unit_name, d.point_id";

        /** A brief from the first six columns of the row, {@link #COLUMNS} in that order. */
        public static Brief read(ResultSet rs) throws SQLException {
            return new Brief(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    Jdbc.longOrNull(rs, 6));
        }
    }

    /**
     * Many delegates in one read on the caller's connection (a batch writer's), by id, unscoped; the
     * missing ones are absent. A projection, not entities: nothing for a transaction to track.
     */
    public static Map<Long, Brief> briefs(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Brief> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        Jdbc.selectIn(c, "select " + Brief.COLUMNS + " from delegates d where d.id in (:ids)", ids, Brief::read)
                .forEach(b -> out.put(b.id(), b));
        return out;
    }

    /** The points whose delegates the caller may read; null for all of them. */
    private Set<Long> visiblePoints(long sessionId) {
        access.requireRead(sessionId);
        sessions.require(sessionId);
        if (user.isOrganizer() || user.is(Roles.OBSERVER)) return null;
        if (!user.is(Roles.OPERATOR)) throw ProblemException.forbidden("forbidden");
        return access.operatedPoints(sessionId);
    }

    static Delegate require(long sessionId, long delegateId) {
        Delegate d = Delegate.findById(delegateId);
        if (d == null || d.sessionId != sessionId) throw ProblemException.notFound("delegate", delegateId);
        return d;
    }

    private void apply(Delegate d, DelegateRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        d.fullName = Text.clean(r.fullName());
        d.position = Text.clean(r.position());
        d.unitName = Text.clean(r.unitName());
        d.category = Text.clean(r.category());
        d.phone = Text.clean(r.phone());
        d.email = Text.clean(r.email());
        d.note = Text.clean(r.note());
        if (!Contacts.validPhone(d.phone)) errors.add(new Problem.FieldError("phone", "delegate.phone-invalid"));
        if (!Contacts.validEmail(d.email)) errors.add(new Problem.FieldError("email", "delegate.email-invalid"));
        if (!errors.isEmpty()) throw new ProblemException(400, "delegate.invalid", errors);
        if (r.pointId() != null) points.require(d.sessionId, r.pointId());
        d.pointId = r.pointId();
        d.derive();
        d.updatedAt = Instant.now(clock);
    }

    private static void requireNoTwin(Delegate d) {
        Delegate twin = Delegate.find(
                        "sessionId = ?1 and nameFolded = ?2 and unitFolded = ?3 and id <> ?4 order by id",
                        d.sessionId,
                        d.nameFolded,
                        d.unitFolded,
                        d.id == null ? -1L : d.id)
                .firstResult();
        if (twin != null) {
            throw ProblemException.conflict(
                    "delegate.duplicate", twin.fullName, Objects.requireNonNullElse(twin.unitName, "—"), twin.id);
        }
    }

    private static String describe(Delegate d) {
        return d.unitName == null ? d.fullName : d.fullName + " — " + d.unitName;
    }

    private DelegateView view(Delegate d) {
        return views(List.of(d)).get(0);
    }

    /** Each point looked up once per list (a page holds a few points, the persistence context the rest). */
    private List<DelegateView> views(List<Delegate> ds) {
        Map<Long, String> names = new HashMap<>();
        return ds.stream()
                .map(d -> DelegateView.from(
                        d,
                        d.pointId == null
                                ? null
                                : names.computeIfAbsent(d.pointId, id -> points.require(d.sessionId, id).name)))
                .toList();
    }
}

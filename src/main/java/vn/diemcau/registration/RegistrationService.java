package vn.diemcau.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.Page;
import vn.diemcau.common.Problem;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.point.PointService;
import vn.diemcau.point.PointView;
import vn.diemcau.roster.Contacts;
import vn.diemcau.roster.DelegateRequest;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.roster.DelegateView;
import vn.diemcau.roster.InvitationView;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.InvitationTokens;
import vn.diemcau.security.Roles;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;

/**
 * Registration for a session: the organizer opens it (deadline, capacity per point, public links),
 * people register themselves or are nominated, and each registration waits for the point's
 * operator or the organizer, who approve it into the roster (with an invitation) or reject it.
 */
@ApplicationScoped
public class RegistrationService {
    static final String LINK_PREFIX = "dcr_";
    static final String STATUS_PREFIX = "dcs_";
    private static final List<RegistrationStatus> HOLDING =
            List.of(RegistrationStatus.PENDING, RegistrationStatus.APPROVED);

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
    DelegateService delegates;

    @Inject
    InvitationTokens tokens;

    @ConfigProperty(name = "diemcau.public-url")
    String publicUrl;

    // --- settings ---

    @Transactional
    public RegistrationSettingsView settings(long sessionId) {
        access.requireRead(sessionId);
        Session s = sessions.require(sessionId);
        RegistrationSettings st = RegistrationSettings.findById(sessionId);
        Set<Long> visible = visiblePoints(sessionId);
        Map<Long, Integer> capacities = capacities(sessionId);
        Map<Long, long[]> counts = counts(sessionId);
        List<RegistrationSettingsView.PointRegistrations> rows = new ArrayList<>();
        for (PointView p : points.listUnchecked(sessionId)) {
            if (visible != null && !visible.contains(p.id())) continue;
            long[] c = counts.getOrDefault(p.id(), new long[2]);
            rows.add(new RegistrationSettingsView.PointRegistrations(
                    p.id(), p.name(), capacities.get(p.id()), c[0], c[1]));
        }
        String closed = closedReason(s, st);
        return new RegistrationSettingsView(
                sessionId,
                st != null && st.accepting,
                st == null ? null : st.deadline,
                closed == null,
                closed,
                rows,
                st == null ? 0 : st.version);
    }

    @Transactional
    public RegistrationSettingsView updateSettings(long sessionId, RegistrationSettingsRequest r) {
        sessions.requireEditable(sessionId);
        RegistrationSettings st = RegistrationSettings.findById(sessionId);
        if (st != null && r.version() != null && r.version() != st.version) throw ProblemException.conflict("stale");
        Instant now = Instant.now(clock);
        if (r.capacities() != null) {
            Set<Long> seen = new java.util.HashSet<>();
            for (var c : r.capacities()) {
                points.require(sessionId, c.pointId());
                if (!seen.add(c.pointId()))
                    throw ProblemException.badRequest("registration.capacity-twice", c.pointId());
            }
        }
        if (st == null) {
            st = new RegistrationSettings();
            st.sessionId = sessionId;
        }
        st.accepting = r.accepting();
        st.deadline = r.deadline();
        st.updatedAt = now;
        st.updatedBy = user.name();
        st.persist();
        List<String> changed = new ArrayList<>();
        if (r.capacities() != null) {
            for (var c : r.capacities()) {
                RegistrationCapacity cap = RegistrationCapacity.findById(c.pointId());
                if (c.capacity() == null) {
                    if (cap != null) {
                        cap.delete();
                        changed.add(c.pointId() + "=∞");
                    }
                    continue;
                }
                if (cap == null) {
                    cap = new RegistrationCapacity();
                    cap.pointId = c.pointId();
                    cap.sessionId = sessionId;
                } else if (cap.capacity == c.capacity()) continue;
                cap.capacity = c.capacity();
                cap.updatedAt = now;
                cap.persist();
                changed.add(c.pointId() + "=" + c.capacity());
            }
        }
        audit.record(
                sessionId,
                "registration.settings",
                "session",
                sessionId,
                (r.accepting() ? "open" : "closed")
                        + (r.deadline() == null ? "" : ", deadline " + r.deadline())
                        + (changed.isEmpty() ? "" : ", capacities " + String.join(" ", changed)));
        RegistrationSettings.flush();
        return settings(sessionId);
    }

    // --- links ---

    @Transactional
    public List<RegistrationLinkView> links(long sessionId) {
        access.requireRead(sessionId);
        sessions.require(sessionId);
        Set<Long> visible = visiblePoints(sessionId);
        Map<Long, String> names = pointNames(sessionId);
        return RegistrationLink.<RegistrationLink>list("sessionId = ?1 order by id", sessionId).stream()
                .filter(l -> visible == null || (l.pointId != null && visible.contains(l.pointId)))
                .map(l -> linkView(l, names))
                .toList();
    }

    @Transactional
    public RegistrationLinkView createLink(long sessionId, RegistrationLinkRequest r) {
        sessions.requireEditable(sessionId);
        if (r.pointId() != null) points.require(sessionId, r.pointId());
        RegistrationLink l = new RegistrationLink();
        l.sessionId = sessionId;
        l.pointId = r.pointId();
        l.unitName = Text.clean(r.unitName());
        l.label = Text.clean(r.label());
        l.salt = tokens.newSalt();
        l.tokenHash = InvitationTokens.hash(linkToken(l));
        l.createdAt = Instant.now(clock);
        l.createdBy = user.name();
        l.persist();
        audit.record(sessionId, l.pointId, "registration.link.created", "registration-link", l.id, describe(l));
        return linkView(l, pointNames(sessionId));
    }

    @Transactional
    public void revokeLink(long sessionId, long linkId) {
        sessions.require(sessionId);
        RegistrationLink l = RegistrationLink.findById(linkId);
        if (l == null || l.sessionId != sessionId) throw ProblemException.notFound("registration-link", linkId);
        if (l.revokedAt != null) return;
        l.revokedAt = Instant.now(clock);
        audit.record(sessionId, l.pointId, "registration.link.revoked", "registration-link", l.id, describe(l));
    }

    // --- the public side ---

    @Transactional
    public RegistrationForm form(String token) {
        RegistrationLink l = requireLink(token);
        Session s = sessions.require(l.sessionId);
        RegistrationSettings st = RegistrationSettings.findById(l.sessionId);
        Map<Long, Integer> capacities = capacities(l.sessionId);
        Map<Long, long[]> counts = counts(l.sessionId);
        List<RegistrationForm.FormPoint> choices = new ArrayList<>();
        String fixedName = null;
        for (PointView p : points.listUnchecked(l.sessionId)) {
            Integer cap = capacities.get(p.id());
            long[] c = counts.getOrDefault(p.id(), new long[2]);
            boolean full = cap != null && c[0] + c[1] >= cap;
            if (l.pointId != null && l.pointId == p.id()) fixedName = p.name();
            if (l.pointId == null || l.pointId == p.id())
                choices.add(new RegistrationForm.FormPoint(p.id(), p.name(), full));
        }
        String closed = closedReason(s, st);
        return new RegistrationForm(
                s.title,
                s.startsAt,
                s.endsAt,
                s.location,
                s.hostUnitName,
                st == null ? null : st.deadline,
                closed == null,
                closed,
                l.pointId,
                fixedName,
                l.unitName,
                l.label,
                choices);
    }

    /** A person registers themselves through a link (no account). */
    public RegistrationReceipt register(String token, RegistrationRequest r) {
        Draft d = QuarkusTransaction.requiringNew().call(() -> {
            RegistrationLink l = requireLink(token);
            Long pointId = l.pointId != null ? l.pointId : r.pointId();
            String unit = l.unitName != null ? l.unitName : r.unitName();
            return draft(l.sessionId, l.id, pointId, unit, r, RegistrationSource.SELF);
        });
        return QuarkusTransaction.requiringNew().call(() -> insert(d));
    }

    /** An operator (for their points) or the organizer puts someone forward; it waits for approval all the same. */
    public RegistrationReceipt nominate(long sessionId, RegistrationRequest r) {
        Draft d = QuarkusTransaction.requiringNew().call(() -> {
            sessions.require(sessionId);
            if (r.pointId() == null) throw pointRequired();
            points.require(sessionId, r.pointId());
            access.requireOperate(sessionId, r.pointId());
            return draft(sessionId, null, r.pointId(), r.unitName(), r, RegistrationSource.NOMINATED);
        });
        return QuarkusTransaction.requiringNew().call(() -> insert(d));
    }

    @Transactional
    public RegistrationStatusView status(String token) {
        String t = token == null ? "" : token.strip();
        if (!InvitationTokens.wellFormed(STATUS_PREFIX, t)) throw statusUnknown();
        Registration g = Registration.<Registration>find("statusHash", InvitationTokens.hash(t))
                .firstResultOptional()
                .orElseThrow(RegistrationService::statusUnknown);
        Session s = sessions.require(g.sessionId);
        String invitation = g.status == RegistrationStatus.APPROVED && g.delegateId != null
                ? delegates
                        .currentInvitation(g.sessionId, g.delegateId)
                        .map(InvitationView::url)
                        .orElse(null)
                : null;
        return new RegistrationStatusView(
                g.status,
                g.fullName,
                g.position,
                g.unitName,
                g.pointId == null ? null : points.require(g.sessionId, g.pointId).name,
                s.title,
                s.startsAt,
                s.endsAt,
                s.location,
                g.createdAt,
                g.decidedAt,
                g.reason,
                invitation);
    }

    // --- the approval queue ---

    @Transactional
    public Page<RegistrationView> list(long sessionId, RegistrationStatus status, Long pointId, int page, int size) {
        access.requireRead(sessionId);
        sessions.require(sessionId);
        Set<Long> visible = visiblePoints(sessionId);
        List<String> where = new ArrayList<>(List.of("sessionId = :s"));
        Parameters p = Parameters.with("s", sessionId);
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
        if (status != null) {
            where.add("status = :status");
            p.and("status", status);
        }
        var found = Registration.<Registration>find(String.join(" and ", where) + " order by createdAt, id", p);
        long total = found.count();
        Map<Long, String> names = pointNames(sessionId);
        List<RegistrationView> items =
                found.page(page, size).list().stream().map(g -> view(g, names)).toList();
        return new Page<>(items, total, page, size);
    }

    /** Into the roster with an invitation; 409 delegate.duplicate unless {@code allowDuplicate}. */
    @Transactional
    public RegistrationView approve(long sessionId, long registrationId, boolean allowDuplicate, Long version) {
        // the row lock first: two approvers at once make one delegate, not two
        Registration g = lockPending(sessionId, registrationId, version);
        sessions.requireEditable(sessionId);
        DelegateView d = delegates.create(
                sessionId,
                new DelegateRequest(g.fullName, g.position, g.unitName, null, g.pointId, g.phone, g.email, null, null),
                allowDuplicate);
        delegates.issueInvitation(sessionId, d.id());
        g.status = RegistrationStatus.APPROVED;
        g.delegateId = d.id();
        decided(g);
        audit.record(
                sessionId,
                g.pointId,
                "registration.approved",
                "registration",
                g.id,
                g.fullName + " → delegate " + d.id());
        Registration.flush();
        return view(g, pointNames(sessionId));
    }

    @Transactional
    public RegistrationView reject(long sessionId, long registrationId, RejectRequest r, Long version) {
        Registration g = lockPending(sessionId, registrationId, version);
        g.status = RegistrationStatus.REJECTED;
        g.reason = Text.cleanLines(r.reason());
        decided(g);
        audit.record(sessionId, g.pointId, "registration.rejected", "registration", g.id, g.fullName + ": " + g.reason);
        Registration.flush();
        return view(g, pointNames(sessionId));
    }

    // --- internals ---

    /** A checked registration not yet stored. */
    record Draft(
            long sessionId,
            Long linkId,
            long pointId,
            String fullName,
            String position,
            String unitName,
            String phone,
            String email,
            RegistrationSource source) {}

    private Draft draft(
            long sessionId, Long linkId, Long pointId, String unit, RegistrationRequest r, RegistrationSource source) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String phone = Text.clean(r.phone());
        String email = Text.clean(r.email());
        if (!Contacts.validPhone(phone)) errors.add(new Problem.FieldError("phone", "delegate.phone-invalid"));
        if (!Contacts.validEmail(email)) errors.add(new Problem.FieldError("email", "delegate.email-invalid"));
        if (pointId == null) errors.add(new Problem.FieldError("pointId", "registration.point-required"));
        if (!errors.isEmpty()) throw new ProblemException(400, "registration.invalid", errors);
        points.require(sessionId, pointId);
        return new Draft(
                sessionId,
                linkId,
                pointId,
                Text.clean(r.fullName()),
                Text.clean(r.position()),
                Text.clean(unit),
                phone,
                email,
                source);
    }

    /**
     * Runs in a transaction of its own whose first statement locks the point's capacity row: every
     * read after it (InnoDB makes the snapshot at the first plain read) sees all registrations
     * committed before the lock, so concurrent registrations never overbook the point.
     */
    private RegistrationReceipt insert(Draft d) {
        RegistrationCapacity cap = RegistrationCapacity.findById(d.pointId(), LockModeType.PESSIMISTIC_WRITE);
        Session s = sessions.require(d.sessionId());
        String closed = closedReason(s, RegistrationSettings.findById(d.sessionId()));
        if (closed != null) throw ProblemException.conflict("registration.closed." + closed);
        if (cap != null) {
            long taken = Registration.count("pointId = ?1 and status in ?2", d.pointId(), HOLDING);
            if (taken >= cap.capacity)
                throw ProblemException.conflict(
                        "registration.full", points.require(d.sessionId(), d.pointId()).name, cap.capacity);
        }
        Registration g = new Registration();
        g.sessionId = d.sessionId();
        g.linkId = d.linkId();
        g.pointId = d.pointId();
        g.source = d.source();
        g.status = RegistrationStatus.PENDING;
        g.fullName = d.fullName();
        g.position = d.position();
        g.unitName = d.unitName();
        g.phone = d.phone();
        g.email = d.email();
        g.derive();
        g.statusSalt = tokens.newSalt();
        String token = tokens.token(STATUS_PREFIX, "registration-status", g.sessionId, g.statusSalt);
        g.statusHash = InvitationTokens.hash(token);
        g.createdAt = Instant.now(clock);
        g.createdBy = user.name();
        g.persist();
        audit.record(
                g.sessionId,
                g.pointId,
                g.source == RegistrationSource.SELF ? "registration.submitted" : "registration.nominated",
                "registration",
                g.id,
                g.unitName == null ? g.fullName : g.fullName + " — " + g.unitName);
        return new RegistrationReceipt(g.id, g.status, token, base() + "/r/status/" + token);
    }

    private Registration lockPending(long sessionId, long registrationId, Long version) {
        Registration g = Registration.findById(registrationId, LockModeType.PESSIMISTIC_WRITE);
        if (g == null || g.sessionId != sessionId) throw ProblemException.notFound("registration", registrationId);
        if (g.pointId == null) {
            if (!user.isOrganizer()) throw ProblemException.forbidden("point.not-assigned");
        } else access.requireOperate(sessionId, g.pointId);
        if (g.status != RegistrationStatus.PENDING)
            throw ProblemException.conflict("registration.already-decided", g.fullName, g.status);
        if (version != null && version != g.version) throw ProblemException.conflict("stale");
        return g;
    }

    private void decided(Registration g) {
        g.decidedAt = Instant.now(clock);
        g.decidedBy = user.name();
    }

    private RegistrationLink requireLink(String token) {
        String t = token == null ? "" : token.strip();
        if (!InvitationTokens.wellFormed(LINK_PREFIX, t)) throw linkUnknown();
        return RegistrationLink.<RegistrationLink>find("tokenHash", InvitationTokens.hash(t))
                .firstResultOptional()
                .filter(l -> l.revokedAt == null)
                .orElseThrow(RegistrationService::linkUnknown);
    }

    /** null while registrations are taken; otherwise why not (a key under registration.closed.*). */
    private String closedReason(Session s, RegistrationSettings st) {
        if (!s.status.editable()) return "session";
        if (st == null || !st.accepting) return "not-open";
        if (st.deadline != null && !Instant.now(clock).isBefore(st.deadline)) return "deadline";
        return null;
    }

    /** The points whose registrations the caller may see; null for all. */
    private Set<Long> visiblePoints(long sessionId) {
        if (user.isOrganizer() || user.is(Roles.OBSERVER)) return null;
        if (!user.is(Roles.OPERATOR)) throw ProblemException.forbidden("forbidden");
        return access.operatedPoints(sessionId);
    }

    private static Map<Long, Integer> capacities(long sessionId) {
        Map<Long, Integer> m = new HashMap<>();
        for (RegistrationCapacity c : RegistrationCapacity.<RegistrationCapacity>list("sessionId", sessionId))
            m.put(c.pointId, c.capacity);
        return m;
    }

    /** Per point: {pending, approved}. */
    private static Map<Long, long[]> counts(long sessionId) {
        Map<Long, long[]> m = new HashMap<>();
        List<Object[]> rows = Registration.getEntityManager()
                .createQuery(
                        "select r.pointId, r.status, count(r) from Registration r where r.sessionId = :s"
                                + " and r.pointId is not null and r.status in :holding group by r.pointId, r.status",
                        Object[].class)
                .setParameter("s", sessionId)
                .setParameter("holding", HOLDING)
                .getResultList();
        for (Object[] r : rows) {
            long[] c = m.computeIfAbsent((Long) r[0], k -> new long[2]);
            c[r[1] == RegistrationStatus.PENDING ? 0 : 1] = (Long) r[2];
        }
        return m;
    }

    private Map<Long, String> pointNames(long sessionId) {
        Map<Long, String> m = new HashMap<>();
        for (PointView p : points.listUnchecked(sessionId)) m.put(p.id(), p.name());
        return m;
    }

    private RegistrationView view(Registration g, Map<Long, String> names) {
        boolean onRoster = delegates.twins(g.sessionId, g.fullName, g.unitName).stream()
                .anyMatch(id -> !Objects.equals(id, g.delegateId));
        boolean twin = Registration.count(
                        "sessionId = ?1 and nameFolded = ?2 and unitFolded = ?3 and id <> ?4 and status in ?5",
                        g.sessionId,
                        g.nameFolded,
                        g.unitFolded,
                        g.id,
                        HOLDING)
                > 0;
        return new RegistrationView(
                g.id,
                g.sessionId,
                g.pointId,
                g.pointId == null ? null : names.get(g.pointId),
                g.source,
                g.status,
                g.fullName,
                g.position,
                g.unitName,
                g.phone,
                g.email,
                g.reason,
                g.delegateId,
                g.createdAt,
                g.createdBy,
                g.decidedAt,
                g.decidedBy,
                onRoster,
                twin,
                g.version);
    }

    private RegistrationLinkView linkView(RegistrationLink l, Map<Long, String> names) {
        return new RegistrationLinkView(
                l.id,
                l.pointId,
                l.pointId == null ? null : names.get(l.pointId),
                l.unitName,
                l.label,
                base() + "/r/" + linkToken(l),
                l.createdAt,
                l.createdBy,
                l.revokedAt != null);
    }

    private String linkToken(RegistrationLink l) {
        return tokens.token(LINK_PREFIX, "registration-link", l.sessionId, l.salt);
    }

    private String base() {
        return publicUrl.replaceAll("/+$", "");
    }

    private static String describe(RegistrationLink l) {
        List<String> parts = new ArrayList<>();
        if (l.label != null) parts.add(l.label);
        if (l.pointId != null) parts.add("point " + l.pointId);
        if (l.unitName != null) parts.add(l.unitName);
        return parts.isEmpty() ? "whole session" : String.join(" — ", parts);
    }

    private static ProblemException pointRequired() {
        return new ProblemException(
                400, "registration.invalid", List.of(new Problem.FieldError("pointId", "registration.point-required")));
    }

    private static ProblemException linkUnknown() {
        return new ProblemException(404, "registration.link-invalid");
    }

    private static ProblemException statusUnknown() {
        return new ProblemException(404, "registration.status-invalid");
    }
}

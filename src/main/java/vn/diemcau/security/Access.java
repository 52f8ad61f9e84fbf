package vn.diemcau.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import vn.diemcau.common.ProblemException;

/** The rules of who may see and touch which session and point, in one place. */
@RequestScoped
public class Access {
    @Inject
    CurrentUser user;

    @Inject
    Instance<OperatorAssignments> assignments;

    /** Organizers and observers see every session; an operator the sessions of their points; a participant their own. */
    public boolean canRead(long sessionId) {
        if (user.isOrganizer() || user.is(Roles.OBSERVER)) return true;
        if (user.is(Roles.OPERATOR)
                && assignments.isResolvable()
                && assignments.get().sessionIds(user.name()).contains(sessionId)) return true;
        return user.invitee().map(i -> i.sessionId() == sessionId).orElse(false);
    }

    public void requireRead(long sessionId) {
        if (!canRead(sessionId)) throw ProblemException.forbidden("forbidden");
    }

    /** Organizers act for every point; an operator only for the points assigned to them. */
    public boolean canOperate(long sessionId, long pointId) {
        if (user.isOrganizer()) return true;
        return user.is(Roles.OPERATOR) && operatedPoints(sessionId).contains(pointId);
    }

    public void requireOperate(long sessionId, long pointId) {
        if (!canOperate(sessionId, pointId)) throw ProblemException.forbidden("point.not-assigned");
    }

    public Set<Long> operatedPoints(long sessionId) {
        return user.is(Roles.OPERATOR) && assignments.isResolvable()
                ? assignments.get().pointIds(user.name(), sessionId)
                : Set.of();
    }

    /**
     * The points whose live state a staff caller follows when they only run consoles (an operator
     * who is neither organizer nor observer): the points they operate in the session. Null for
     * whoever oversees every point (organizers and observers: the main hall, the big screen) and for
     * participants.
     */
    public Set<Long> consolePoints(long sessionId) {
        if (user.isOrganizer() || user.is(Roles.OBSERVER) || user.isParticipant()) return null;
        return operatedPoints(sessionId);
    }

    public Set<Long> operatedSessions() {
        return user.is(Roles.OPERATOR) && assignments.isResolvable()
                ? assignments.get().sessionIds(user.name())
                : Set.of();
    }
}

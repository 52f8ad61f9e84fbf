package vn.diemcau.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: a staff member from OIDC, or a participant from their invitation. */
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    /** Staff: the OIDC username (preferred_username). Participant: "delegate:{id}". */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** A human-readable name for audit trails and screens. */
    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            // Vietnamese order: family and middle names, then the given name ("Nguyễn Thị Lan");
            // providers build "name" as given + family, which reads backwards here.
            Object family = jwt.getClaim("family_name");
            Object given = jwt.getClaim("given_name");
            if (family != null
                    && given != null
                    && !family.toString().isBlank()
                    && !given.toString().isBlank()
                    && !family.toString().equals(given.toString())) {
                return family.toString().strip() + " " + given.toString().strip();
            }
            Object n = jwt.getClaim("name");
            if (n != null && !n.toString().isBlank()) return n.toString();
        }
        String d = identity.getAttribute(InvitationAuthenticationMechanism.ATTR_DELEGATE_NAME);
        return d != null ? d : name();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isOrganizer() {
        return is(Roles.ORGANIZER);
    }

    public boolean isParticipant() {
        return is(Roles.PARTICIPANT);
    }

    /** The role that best describes the caller, for the audit trail. */
    public String mainRole() {
        for (String r : new String[] {Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT}) {
            if (identity.hasRole(r)) return r;
        }
        return identity.isAnonymous() ? "anonymous" : "none";
    }

    /** For participants: the invitation's delegate, session and point. */
    public Optional<Invitee> invitee() {
        Long delegateId = identity.getAttribute(InvitationAuthenticationMechanism.ATTR_DELEGATE_ID);
        if (delegateId == null) return Optional.empty();
        return Optional.of(new Invitee(
                delegateId,
                identity.getAttribute(InvitationAuthenticationMechanism.ATTR_SESSION_ID),
                identity.getAttribute(InvitationAuthenticationMechanism.ATTR_POINT_ID)));
    }

    public record Invitee(long delegateId, long sessionId, Long pointId) {}
}

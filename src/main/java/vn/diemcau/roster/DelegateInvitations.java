package vn.diemcau.roster;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import vn.diemcau.security.InvitationDirectory;

/** Whom a presented invitation belongs to: only a current (not revoked) one of an existing delegate. */
@ApplicationScoped
class DelegateInvitations implements InvitationDirectory {
    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return Delegate.<Delegate>find("invitationHash", tokenHash)
                .firstResultOptional()
                .map(d -> new Invitation(d.id, d.fullName, d.sessionId, d.pointId));
    }
}

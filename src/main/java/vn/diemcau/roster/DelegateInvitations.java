package vn.diemcau.roster;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.common.Jdbc;
import vn.diemcau.security.InvitationDirectory;

/** Whom a presented invitation belongs to: only a current (not revoked) one of an existing delegate. */
@ApplicationScoped
class DelegateInvitations implements InvitationDirectory {
    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return Delegate.<Delegate>find("invitationHash", tokenHash)
                .firstResultOptional()
                .map(d -> new Invitation(d.id, d.fullName, d.position, d.unitName, d.sessionId, d.pointId));
    }

    @Override
    public Map<String, Invitation> allOfSession(long sessionId) {
        List<Object[]> rows = Delegate.getEntityManager()
                .createQuery(
                        "select d.invitationHash, d.id, d.fullName, d.position, d.unitName, d.pointId from Delegate d"
                                + " where d.sessionId = ?1 and d.invitationHash is not null",
                        Object[].class)
                .setParameter(1, sessionId)
                .getResultList();
        Map<String, Invitation> out = new HashMap<>(rows.size() * 2);
        for (Object[] r : rows)
            out.put(
                    (String) r[0],
                    new Invitation((Long) r[1], (String) r[2], (String) r[3], (String) r[4], sessionId, (Long) r[5]));
        return out;
    }

    @Override
    public Map<String, Long> sessionsOf(Collection<String> tokenHashes) {
        Map<String, Long> out = new HashMap<>(tokenHashes.size() * 2);
        for (List<String> part : Jdbc.inParts(List.copyOf(tokenHashes))) {
            Delegate.getEntityManager()
                    .createQuery(
                            "select d.invitationHash, d.sessionId from Delegate d where d.invitationHash in ?1",
                            Object[].class)
                    .setParameter(1, part)
                    .getResultList()
                    .forEach(r -> out.put((String) r[0], (Long) r[1]));
        }
        return out;
    }
}

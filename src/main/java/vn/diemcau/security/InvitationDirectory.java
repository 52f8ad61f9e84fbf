package vn.diemcau.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up whom an invitation belongs to. Implemented by the roster feature, so that security
 * depends on no feature. Called on a worker thread inside a transaction.
 */
public interface InvitationDirectory {
    Optional<Invitation> findByTokenHash(String tokenHash);

    /**
     * Every current invitation of the session, by token hash: read once when a crowd of the session's
     * phones starts to arrive, so that each of them does not cost a read of its own.
     */
    Map<String, Invitation> allOfSession(long sessionId);

    /**
     * Which of these invitations are still current, with their session: the periodic check of open
     * sockets asks for all of them at once (a province's phones are tens of thousands of sockets).
     */
    Map<String, Long> sessionsOf(Collection<String> tokenHashes);

    /**
     * A valid invitation: the delegate (as the roster names them: name, position, unit), their
     * session and the point where they attend.
     */
    record Invitation(
            long delegateId, String fullName, String position, String unitName, long sessionId, Long pointId) {
        /** The participant's principal name, as audit trails and check-ins record it. */
        public String principal() {
            return "delegate:" + delegateId;
        }
    }
}

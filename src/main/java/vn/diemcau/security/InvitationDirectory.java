package vn.diemcau.security;

import java.util.Optional;

/**
 * Looks up whom an invitation belongs to. Implemented by the roster feature, so that security
 * depends on no feature. Called on a worker thread inside a transaction.
 */
public interface InvitationDirectory {
    Optional<Invitation> findByTokenHash(String tokenHash);

    /** A valid invitation: the delegate, their session and the point where they attend. */
    record Invitation(long delegateId, String fullName, long sessionId, Long pointId) {}
}

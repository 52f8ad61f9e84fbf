package vn.diemcau.registration;

import java.time.Instant;

/**
 * A registration in the approval queue. {@code duplicateOnRoster}: someone with the same name and
 * unit (diacritics and case ignored) is already a delegate; {@code duplicateRegistration}: another
 * pending or approved registration has them.
 */
public record RegistrationView(
        long id,
        long sessionId,
        Long pointId,
        String pointName,
        RegistrationSource source,
        RegistrationStatus status,
        String fullName,
        String position,
        String unitName,
        String phone,
        String email,
        String reason,
        Long delegateId,
        Instant createdAt,
        String createdBy,
        Instant decidedAt,
        String decidedBy,
        boolean duplicateOnRoster,
        boolean duplicateRegistration,
        long version) {}

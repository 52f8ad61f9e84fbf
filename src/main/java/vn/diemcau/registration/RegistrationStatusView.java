package vn.diemcau.registration;

import java.time.Instant;

/** What a registrant sees with their status link; the invitation link once approved. */
public record RegistrationStatusView(
        RegistrationStatus status,
        String fullName,
        String position,
        String unitName,
        String pointName,
        String sessionTitle,
        Instant startsAt,
        Instant endsAt,
        String location,
        Instant createdAt,
        Instant decidedAt,
        String reason,
        String invitationUrl) {}

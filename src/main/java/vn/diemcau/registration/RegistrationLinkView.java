package vn.diemcau.registration;

import java.time.Instant;

public record RegistrationLinkView(
        long id,
        Long pointId,
        String pointName,
        String unitName,
        String label,
        String url,
        Instant createdAt,
        String createdBy,
        boolean revoked) {}

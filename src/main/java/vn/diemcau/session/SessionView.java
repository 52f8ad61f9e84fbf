package vn.diemcau.session;

import java.time.Instant;
import java.util.Set;

public record SessionView(
        long id,
        String title,
        SessionKind kind,
        String description,
        Long hostUnitId,
        String hostUnitName,
        String location,
        Instant startsAt,
        Instant endsAt,
        String videoLink,
        SessionStatus status,
        Set<SessionStatus> nextStatuses,
        Long copiedFromId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    public static SessionView from(Session s) {
        return new SessionView(
                s.id,
                s.title,
                s.kind,
                s.description,
                s.hostUnitId,
                s.hostUnitName,
                s.location,
                s.startsAt,
                s.endsAt,
                s.videoLink,
                s.status,
                s.status.next(),
                s.copiedFromId,
                s.createdBy,
                s.createdAt,
                s.updatedAt,
                s.version);
    }
}

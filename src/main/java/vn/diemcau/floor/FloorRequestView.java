package vn.diemcau.floor;

import java.time.Instant;

/** A request to speak as every screen shows it; waiting time is now minus {@code requestedAt}. */
public record FloorRequestView(
        long id,
        long sessionId,
        long pointId,
        String pointName,
        Long delegateId,
        String delegateName,
        String topic,
        FloorRequestStatus status,
        int position,
        String requestedBy,
        Instant requestedAt,
        Instant grantedAt,
        Instant closedAt,
        String declineReason) {
    static FloorRequestView from(FloorRequest r) {
        return new FloorRequestView(
                r.id,
                r.sessionId,
                r.pointId,
                r.pointName,
                r.delegateId,
                r.delegateName,
                r.topic,
                r.status,
                r.position,
                r.requestedBy,
                r.requestedAt,
                r.grantedAt,
                r.closedAt,
                r.declineReason);
    }
}

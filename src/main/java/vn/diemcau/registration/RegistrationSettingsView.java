package vn.diemcau.registration;

import java.time.Instant;
import java.util.List;

/**
 * The registration settings of a session and, per point, its capacity and how many hold a place.
 * {@code closedReason}: null while open, else not-open, deadline or session (no longer being prepared).
 */
public record RegistrationSettingsView(
        long sessionId,
        boolean accepting,
        Instant deadline,
        boolean open,
        String closedReason,
        List<PointRegistrations> points,
        long version) {

    public record PointRegistrations(long pointId, String pointName, Integer capacity, long pending, long approved) {}
}

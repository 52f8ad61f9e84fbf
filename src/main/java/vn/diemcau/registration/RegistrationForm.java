package vn.diemcau.registration;

import java.time.Instant;
import java.util.List;

/** What the public registration page shows before anyone types: the session, the rules and the points. */
public record RegistrationForm(
        String sessionTitle,
        Instant startsAt,
        Instant endsAt,
        String location,
        String hostUnitName,
        Instant deadline,
        boolean open,
        String closedReason,
        Long fixedPointId,
        String fixedPointName,
        String fixedUnitName,
        String label,
        List<FormPoint> points) {

    /** A point one may choose; {@code full} when its capacity is taken. */
    public record FormPoint(long id, String name, boolean full) {}
}

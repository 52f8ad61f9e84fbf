package vn.diemcau.session;

import java.util.EnumSet;
import java.util.Set;

/** DRAFT → SCHEDULED → LIVE → ENDED; DRAFT/SCHEDULED may be CANCELLED and restored to DRAFT. */
public enum SessionStatus {
    DRAFT,
    SCHEDULED,
    LIVE,
    ENDED,
    CANCELLED;

    public Set<SessionStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> EnumSet.of(DRAFT, LIVE, CANCELLED);
            case LIVE -> EnumSet.of(ENDED);
            case ENDED -> EnumSet.noneOf(SessionStatus.class);
            case CANCELLED -> EnumSet.of(DRAFT);
        };
    }

    public boolean canGoTo(SessionStatus target) {
        return next().contains(target);
    }

    /** Preparation (points, roster, agenda, details) is open until the session goes live. */
    public boolean editable() {
        return this == DRAFT || this == SCHEDULED;
    }

    /** Attendance, heartbeats and questions are taken once the session is scheduled, until it ends. */
    public boolean open() {
        return this == SCHEDULED || this == LIVE;
    }
}

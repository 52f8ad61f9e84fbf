package vn.diemcau.session;

import java.time.Instant;

/** A session moved from one status to another (observed after commit). */
public record SessionStatusChanged(long sessionId, SessionStatus from, SessionStatus to, Instant at) {}

package vn.diemcau.attendance;

/**
 * Something in a session's attendance changed (a check-in, undo, absence, walk-in or room count),
 * observed after commit. Carries no counts: the live hub coalesces many of these into one
 * attendance.counts_changed per session and second.
 */
public record AttendanceChanged(long sessionId, Long pointId) {}

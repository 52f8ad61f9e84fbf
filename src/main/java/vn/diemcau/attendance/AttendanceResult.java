package vn.diemcau.attendance;

/** The answer to an attendance change: whether it changed anything (false: it was already so). */
public record AttendanceResult(boolean changed, Long delegateId) {}

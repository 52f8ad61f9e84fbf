package vn.diemcau.poll;

/** A poll stopped taking answers (observed after commit). {@code poll} carries no results. */
public record PollClosed(long sessionId, PollView poll) {}

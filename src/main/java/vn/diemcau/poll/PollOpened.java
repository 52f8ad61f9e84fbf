package vn.diemcau.poll;

/** A poll was opened for answers (observed after commit). {@code poll} carries no results. */
public record PollOpened(long sessionId, PollView poll) {}

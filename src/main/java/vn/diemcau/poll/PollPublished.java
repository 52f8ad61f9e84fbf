package vn.diemcau.poll;

/** A poll's results were published to everyone (observed after commit); {@code poll} carries them. */
public record PollPublished(long sessionId, PollView poll) {}

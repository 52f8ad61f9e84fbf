package vn.diemcau.poll;

/**
 * New totals of a poll, at most one per poll and results interval however many votes arrived.
 * {@code participantsMaySee} false: only staff screens may get them.
 */
public record PollResultsChanged(long sessionId, PollResults results, boolean participantsMaySee) {}

package vn.diemcau.session;

/**
 * Fired inside the copy's transaction: each feature copies its own part (points, agenda, roster)
 * from {@code sourceId} to {@code targetId}, so the session feature knows none of them.
 */
public record SessionCopied(long sourceId, long targetId, boolean includeRoster) {}

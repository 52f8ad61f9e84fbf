package vn.diemcau.security;

import java.util.Set;

/**
 * Which points an operator runs. Implemented by the point feature; features that must scope an
 * operator's view (sessions, roster, live) ask through this seam, never the point tables.
 */
public interface OperatorAssignments {
    /** Sessions in which {@code username} operates at least one point. */
    Set<Long> sessionIds(String username);

    /** The points of {@code sessionId} that {@code username} operates. */
    Set<Long> pointIds(String username, long sessionId);
}

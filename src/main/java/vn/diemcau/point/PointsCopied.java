package vn.diemcau.point;

import java.util.Map;

/**
 * Fired inside a session copy's transaction once the points are copied: {@code pointIdMap} maps
 * each source point to its copy, so the roster can put the copied delegates on the new points.
 * Features that copy per-point data observe this, never {@code SessionCopied} directly.
 */
public record PointsCopied(
        long sourceSessionId, long targetSessionId, Map<Long, Long> pointIdMap, boolean includeRoster) {}

package vn.diemcau.point;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many delegates attend at a point. Implemented by the roster feature (which the point
 * feature must not depend on); without an implementation every count is 0.
 */
public interface PointUsage {
    long delegateCount(long pointId);

    /** Counts for many points at once; override with one query when lists get long. */
    default Map<Long, Long> delegateCounts(Collection<Long> pointIds) {
        Map<Long, Long> counts = new HashMap<>();
        for (Long id : pointIds) counts.put(id, delegateCount(id));
        return counts;
    }
}

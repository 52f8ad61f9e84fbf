package vn.diemcau.roster;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.diemcau.point.Point;

/**
 * The point names the roster shows and matches. PointService offers only single lookups so far;
 * reading the points in one query keeps a page or an import from asking once per point. The only
 * place the roster reads point rows: swap for a PointService method once the point feature has one.
 */
final class SessionPoints {
    private SessionPoints() {}

    static Map<Long, String> names(Collection<Long> pointIds) {
        if (pointIds.isEmpty()) return new HashMap<>(); // looked up with null keys too
        return Point.<Point>list("id in ?1", pointIds).stream().collect(Collectors.toMap(p -> p.id, p -> p.name));
    }

    static List<Point> of(long sessionId) {
        return Point.list("sessionId", sessionId);
    }
}

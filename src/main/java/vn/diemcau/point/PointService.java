package vn.diemcau.point;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.diemcau.common.ProblemException;

@ApplicationScoped
public class PointService {
    /** For other features: the point of that session, or a 404 (a point of another session is not found either). */
    @Transactional
    public Point require(long sessionId, long pointId) {
        Point p = Point.findById(pointId);
        if (p == null || p.sessionId != sessionId) throw ProblemException.notFound("point", pointId);
        return p;
    }
}

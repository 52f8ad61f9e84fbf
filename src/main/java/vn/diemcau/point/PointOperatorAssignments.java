package vn.diemcau.point;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import vn.diemcau.security.OperatorAssignments;

/** Operator assignments as the points record them (point_operators). */
@ApplicationScoped
class PointOperatorAssignments implements OperatorAssignments {
    @Override
    @Transactional
    public Set<Long> sessionIds(String username) {
        return new HashSet<>(Point.getEntityManager()
                .createQuery("select distinct p.sessionId from Point p join p.operators o where o = :u", Long.class)
                .setParameter("u", username)
                .getResultList());
    }

    @Override
    @Transactional
    public Set<Long> pointIds(String username, long sessionId) {
        return new HashSet<>(Point.getEntityManager()
                .createQuery(
                        "select p.id from Point p join p.operators o where o = :u and p.sessionId = :s", Long.class)
                .setParameter("u", username)
                .setParameter("s", sessionId)
                .getResultList());
    }
}

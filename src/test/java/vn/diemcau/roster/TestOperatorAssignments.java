package vn.diemcau.roster;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.diemcau.security.OperatorAssignments;

/**
 * Stands in for the point feature's assignments until it is merged: a default bean, so the real
 * implementation replaces it as soon as it exists ({@link RosterFixtures#assignOperator} then uses
 * the real endpoint).
 */
@DefaultBean
@ApplicationScoped
public class TestOperatorAssignments implements OperatorAssignments {
    record Assignment(String username, long sessionId, long pointId) {}

    private final Set<Assignment> assignments = ConcurrentHashMap.newKeySet();

    void assign(String username, long sessionId, long pointId) {
        assignments.add(new Assignment(username, sessionId, pointId));
    }

    @Override
    public Set<Long> sessionIds(String username) {
        return assignments.stream()
                .filter(a -> a.username().equals(username))
                .map(Assignment::sessionId)
                .collect(Collectors.toSet());
    }

    @Override
    public Set<Long> pointIds(String username, long sessionId) {
        return assignments.stream()
                .filter(a -> a.username().equals(username) && a.sessionId() == sessionId)
                .map(Assignment::pointId)
                .collect(Collectors.toSet());
    }
}

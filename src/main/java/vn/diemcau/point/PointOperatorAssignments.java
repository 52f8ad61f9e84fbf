package vn.diemcau.point;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diemcau.common.AfterTransaction;
import vn.diemcau.security.OperatorAssignments;

/**
 * Operator assignments as the points record them (point_operators), read once per operator and
 * kept for {@code diemcau.security.assignments-cache} (5 s; 0 turns it off): every request of an
 * operator — each heartbeat, each access check of a snapshot — asks, and 2,000 point consoles
 * would otherwise read the table hundreds of times a second. A change of operators on this
 * instance clears the cache once it commits; other instances follow within the cache's time.
 */
@ApplicationScoped
class PointOperatorAssignments implements OperatorAssignments {
    @ConfigProperty(name = "diemcau.security.assignments-cache", defaultValue = "5s")
    Duration ttl;

    @Inject
    TransactionSynchronizationRegistry tx;

    /** An operator's points per session, as read at {@code until} minus the cache's time. */
    private record Entry(Map<Long, Set<Long>> pointsBySession, long until) {}

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    @Override
    public Set<Long> sessionIds(String username) {
        return new HashSet<>(assignments(username).keySet());
    }

    @Override
    public Set<Long> pointIds(String username, long sessionId) {
        return new HashSet<>(assignments(username).getOrDefault(sessionId, Set.of()));
    }

    /** Operators of some point changed: forget every operator's assignments (now, and once it commits). */
    void changed() {
        cache.clear();
        AfterTransaction.run(tx, cache::clear);
    }

    private Map<Long, Set<Long>> assignments(String username) {
        Entry e = cache.get(username);
        if (e != null && System.nanoTime() - e.until() < 0) return e.pointsBySession();
        Map<Long, Set<Long>> read = read(username);
        if (!ttl.isZero() && !ttl.isNegative()) {
            if (cache.size() > 100_000) cache.clear();
            cache.put(username, new Entry(read, System.nanoTime() + ttl.toNanos()));
        }
        return read;
    }

    private static Map<Long, Set<Long>> read(String username) {
        Map<Long, Set<Long>> bySession = new HashMap<>();
        List<Object[]> rows = QuarkusTransaction.joiningExisting()
                .call(() -> Point.getEntityManager()
                        .createQuery(
                                "select p.sessionId, p.id from Point p join p.operators o where o = :u", Object[].class)
                        .setParameter("u", username)
                        .getResultList());
        for (Object[] row : rows) {
            bySession.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((Long) row[1]);
        }
        bySession.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(bySession);
    }
}

package vn.diemcau.point;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the roster's delegate counts until that feature exists on this branch: a
 * {@link DefaultBean}, so the roster's real implementation replaces it once merged (and the
 * delete-with-delegates test must then create real delegates instead of setting counts here).
 */
@DefaultBean
@ApplicationScoped
public class FakePointUsage implements PointUsage {
    static final Map<Long, Long> COUNTS = new ConcurrentHashMap<>();

    @Override
    public long delegateCount(long pointId) {
        return COUNTS.getOrDefault(pointId, 0L);
    }
}

package vn.diemcau.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Picks the event stream by {@code diemcau.live.stream}: {@code memory} (one instance, the
 * default) or {@code redis} (several instances sharing events through {@code quarkus.redis.hosts}).
 * The Redis client is only touched when it is chosen.
 */
@ApplicationScoped
class EventStreams {
    @Produces
    @Singleton
    EventStream stream(
            LiveConfig config,
            Instance<InMemoryEventStream> memory,
            Instance<Redis> redis,
            Vertx vertx,
            ObjectMapper json) {
        return switch (config.stream()) {
            case "memory" -> memory.get();
            case "redis" -> new RedisEventStream(vertx, redis.get(), json, config.ringSize(), config.redisPrefix());
            default ->
                throw new IllegalArgumentException(
                        "diemcau.live.stream must be memory or redis, not " + config.stream());
        };
    }

    void close(@Disposes EventStream stream) {
        if (stream instanceof RedisEventStream r) r.close();
    }
}

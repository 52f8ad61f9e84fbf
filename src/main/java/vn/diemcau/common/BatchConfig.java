package vn.diemcau.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The group-commit writers of check-ins and votes ({@link GroupCommit}). */
@ConfigMapping(prefix = "diemcau.batch")
public interface BatchConfig {
    /** Most items written in one transaction. */
    @WithDefault("1000")
    int maxSize();

    /** How long the writer waits for more items once one is there (0: only what is already queued). */
    @WithDefault("1ms")
    Duration maxWait();

    /** Items waiting at most; one more is refused at once with 503 and Retry-After. */
    @WithDefault("20000")
    int queueCapacity();

    /** How long a caller waits for its answer before it gets 503 (its item may still commit: resends are safe). */
    @WithDefault("10s")
    Duration timeout();
}

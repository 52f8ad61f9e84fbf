package vn.diemcau.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "diemcau.live")
public interface LiveConfig {
    /** Recent events kept per session for clients that resume; older resumes get a snapshot. */
    @WithDefault("1000")
    int ringSize();

    /** Frames a connection may have unsent before it is closed as too slow (it then resumes). */
    @WithDefault("256")
    int sendQueue();

    /** How often point consoles send a heartbeat (told to clients in the snapshot). */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** Missed heartbeats before a point counts as DEGRADED. */
    @WithDefault("2")
    int degradedAfterMissed();

    /** How often late heartbeats are looked for. */
    @WithDefault("5s")
    java.time.Duration sweepEvery();

    /** Missed heartbeats before a point counts as OFFLINE. */
    @WithDefault("6")
    int offlineAfterMissed();

    /** Where the event stream lives: {@code memory} (one instance) or {@code redis} (shared by several). */
    @WithDefault("memory")
    String stream();

    /** How often open sockets are checked for revoked invitations (expired staff tokens close on time). */
    @WithDefault("30s")
    Duration recheckEvery();

    /** Namespace of the Redis keys and channel; deployments sharing one Redis need different ones. */
    @WithDefault("diemcau:live:")
    String redisPrefix();

    /**
     * How long the part of a participant's snapshot that is the same for every participant (agenda,
     * polls, documents per point, floor, questions) is reused, as long as the session's stream has
     * not moved on: a crowd connecting at once reads the database once, not once per phone.
     */
    @WithDefault("1s")
    Duration snapshotReuse();

    /**
     * Point states reach staff screens at most this often per session, every point that changed
     * meanwhile in one frame (the first change after a quiet spell at once).
     */
    @WithDefault("1s")
    Duration pointStatusesEvery();
}

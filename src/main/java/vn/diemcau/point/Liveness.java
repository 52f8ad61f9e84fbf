package vn.diemcau.point;

import java.time.Duration;

/** How late a heartbeat may be before a point counts as degraded, then offline. */
public record Liveness(Duration degradedAfter, Duration offlineAfter) {}

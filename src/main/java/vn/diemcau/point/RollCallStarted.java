package vn.diemcau.point;

import java.time.Instant;
import java.util.List;

/** The main hall asked every point to confirm it is ready (observed after commit). */
public record RollCallStarted(long sessionId, Instant at, String by, List<Long> pending) {}

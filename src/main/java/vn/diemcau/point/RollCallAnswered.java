package vn.diemcau.point;

import java.time.Instant;

/** A point's operator confirmed it is ready, with the number of people in the room (observed after commit). */
public record RollCallAnswered(long sessionId, long pointId, int present, Instant at) {}

package vn.diemcau.document;

import java.time.Instant;

/** A released document was taken back (observed after commit). */
public record DocumentRecalled(long sessionId, long documentId, Instant at) {}

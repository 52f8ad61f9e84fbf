package vn.diemcau.document;

import java.time.Instant;

/** A document became available to its audience (observed after commit). */
public record DocumentReleased(long sessionId, long documentId, Long agendaItemId, Instant at) {}

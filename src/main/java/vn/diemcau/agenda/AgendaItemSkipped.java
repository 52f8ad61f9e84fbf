package vn.diemcau.agenda;

/** A pending item was skipped (observed after commit). */
public record AgendaItemSkipped(long sessionId, AgendaLiveItem item) {}

package vn.diemcau.agenda;

/** An item became the active one (observed after commit). */
public record AgendaItemStarted(long sessionId, AgendaLiveItem item) {}

package vn.diemcau.agenda;

/** The active item got more time (observed after commit). */
public record AgendaItemExtended(long sessionId, AgendaLiveItem item, int minutes) {}

package vn.diemcau.agenda;

/** The active item was finished, by the main hall or by the session's end (observed after commit). */
public record AgendaItemFinished(long sessionId, AgendaLiveItem item) {}

package vn.diemcau.agenda;

/** The active item ran past its planned end, extensions included (observed after commit; once per item). */
public record AgendaItemOverran(long sessionId, AgendaLiveItem item) {}

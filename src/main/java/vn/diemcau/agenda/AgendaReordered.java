package vn.diemcau.agenda;

import java.util.List;

/** The pending items were put in a new order during the session (observed after commit). */
public record AgendaReordered(long sessionId, List<AgendaLiveItem> items) {}

package vn.diemcau.agenda;

import java.time.Instant;

/** An agenda item as the live screens need it: planned and actual times, for the timer. */
public record AgendaLiveItem(
        long id,
        int position,
        String title,
        String presenter,
        Instant plannedStart,
        int durationMinutes,
        Instant plannedEnd,
        AgendaItemStatus status,
        Instant actualStart,
        Instant actualEnd) {
    static AgendaLiveItem from(AgendaItemView v, AgendaItem item) {
        return new AgendaLiveItem(
                v.id(),
                v.position(),
                v.title(),
                v.presenter(),
                v.plannedStart(),
                v.durationMinutes(),
                v.plannedEnd(),
                v.status(),
                item.actualStart,
                item.actualEnd);
    }
}

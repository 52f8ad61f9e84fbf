package vn.diemcau.agenda;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Derives the effective times and the warnings of a session's agenda, in one pass. */
final class AgendaTimeline {
    private AgendaTimeline() {}

    /** {@code items} in agenda order; the session's start and end may each be null (not yet planned). */
    static List<AgendaItemView> of(List<AgendaItem> items, Instant sessionStart, Instant sessionEnd) {
        List<AgendaItemView> views = new ArrayList<>(items.size());
        Instant previousEnd = sessionStart;
        for (int i = 0; i < items.size(); i++) {
            AgendaItem item = items.get(i);
            boolean computed = item.plannedStart == null;
            Instant start = computed ? previousEnd : item.plannedStart;
            Instant end = start == null ? null : start.plus(Duration.ofMinutes(item.durationMinutes));
            Instant nextFixedStart = i + 1 < items.size() ? items.get(i + 1).plannedStart : null;
            views.add(new AgendaItemView(
                    item.id,
                    item.sessionId,
                    item.position,
                    item.title,
                    item.presenter,
                    start,
                    item.durationMinutes,
                    end,
                    computed,
                    item.notes,
                    item.status,
                    end != null && nextFixedStart != null && end.isAfter(nextFixedStart),
                    end != null && sessionEnd != null && end.isAfter(sessionEnd),
                    item.version));
            previousEnd = end;
        }
        return views;
    }
}

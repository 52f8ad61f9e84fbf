package vn.diemcau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgendaTimelineTest {
    private static final Instant START = Instant.parse("2026-12-03T01:00:00Z");
    private static final Instant END = Instant.parse("2026-12-03T04:30:00Z");

    private static AgendaItem item(long id, Instant plannedStart, int minutes) {
        AgendaItem i = new AgendaItem();
        i.id = id;
        i.position = (int) id;
        i.title = "Nội dung " + id;
        i.plannedStart = plannedStart;
        i.durationMinutes = minutes;
        return i;
    }

    @Test
    void itemsWithoutStartFollowThePreviousOneFromTheSessionStart() {
        List<AgendaItemView> v = AgendaTimeline.of(
                List.of(item(1, null, 15), item(2, null, 20), item(3, Instant.parse("2026-12-03T01:45:00Z"), 60)),
                START,
                END);
        assertEquals(START, v.get(0).plannedStart());
        assertEquals(Instant.parse("2026-12-03T01:15:00Z"), v.get(0).plannedEnd());
        assertEquals(Instant.parse("2026-12-03T01:15:00Z"), v.get(1).plannedStart());
        assertEquals(Instant.parse("2026-12-03T01:35:00Z"), v.get(1).plannedEnd());
        assertTrue(v.get(1).startIsComputed());
        assertEquals(Instant.parse("2026-12-03T01:45:00Z"), v.get(2).plannedStart());
        assertFalse(v.get(2).startIsComputed());
        assertFalse(v.get(1).overlapsNext(), "ends 10 minutes before the fixed start of the next");
    }

    @Test
    void warnsWhenAnItemRunsIntoTheNextFixedStartOrPastTheSessionEnd() {
        List<AgendaItemView> v = AgendaTimeline.of(
                List.of(
                        item(1, null, 50),
                        item(2, Instant.parse("2026-12-03T01:45:00Z"), 60),
                        item(3, null, 150),
                        item(4, null, 10)),
                START,
                END);
        assertTrue(v.get(0).overlapsNext());
        assertFalse(v.get(1).overlapsNext(), "the next item has no fixed start, so it simply moves");
        assertFalse(v.get(1).endsAfterSession());
        assertTrue(v.get(2).endsAfterSession());
        assertTrue(v.get(3).endsAfterSession());
    }

    @Test
    void timesStayUnknownUntilSomethingFixesThem() {
        List<AgendaItemView> v = AgendaTimeline.of(
                List.of(item(1, null, 30), item(2, Instant.parse("2026-12-03T02:00:00Z"), 45), item(3, null, 15)),
                null,
                null);
        assertNull(v.get(0).plannedStart());
        assertNull(v.get(0).plannedEnd());
        assertTrue(v.get(0).startIsComputed());
        assertFalse(v.get(0).overlapsNext());
        assertEquals(Instant.parse("2026-12-03T02:45:00Z"), v.get(2).plannedStart());
        assertEquals(Instant.parse("2026-12-03T03:00:00Z"), v.get(2).plannedEnd());
        assertFalse(v.get(2).endsAfterSession(), "no session end, no warning");
    }
}

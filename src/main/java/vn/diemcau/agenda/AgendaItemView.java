package vn.diemcau.agenda;

import java.time.Instant;

/**
 * An agenda item with its effective times: {@code plannedStart} is the explicit start or, when
 * {@code startIsComputed}, the end of the previous item (the session start for the first); null
 * when that is not known yet. {@code overlapsNext} and {@code endsAfterSession} are warnings for
 * the organizer, not errors.
 */
public record AgendaItemView(
        long id,
        long sessionId,
        int position,
        String title,
        String presenter,
        Instant plannedStart,
        int durationMinutes,
        Instant plannedEnd,
        boolean startIsComputed,
        String notes,
        AgendaItemStatus status,
        boolean overlapsNext,
        boolean endsAfterSession,
        long version) {}

package vn.diemcau.poll;

import java.util.List;

/**
 * A poll as the organizer writes it. {@code options} for SINGLE and MULTIPLE (2–20); RATING gets
 * 1–5 and TEXT none. {@code maxChoices} for MULTIPLE (default: all options).
 */
public record PollRequest(
        String question,
        PollKind kind,
        List<String> options,
        Integer maxChoices,
        Boolean anonymous,
        Boolean changeable,
        Boolean resultsHidden,
        Long agendaItemId) {}

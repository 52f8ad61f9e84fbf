package vn.diemcau.poll;

import java.time.Instant;
import java.util.List;

/**
 * A poll for a screen. {@code results} only when the caller may see them; {@code myChoices} /
 * {@code myText} are the calling participant's own answer (null for everyone else).
 */
public record PollView(
        long id,
        long sessionId,
        Long agendaItemId,
        String question,
        PollKind kind,
        List<String> options,
        Integer maxChoices,
        boolean anonymous,
        boolean changeable,
        boolean resultsHidden,
        PollStatus status,
        Instant openedAt,
        Instant closedAt,
        Instant publishedAt,
        PollResults results,
        List<Integer> myChoices,
        String myText) {
    static PollView from(Poll p, PollResults results, List<Integer> myChoices, String myText) {
        return new PollView(
                p.id,
                p.sessionId,
                p.agendaItemId,
                p.question,
                p.kind,
                List.copyOf(p.options),
                p.maxChoices,
                p.anonymous,
                p.changeable,
                p.resultsHidden,
                p.status,
                p.openedAt,
                p.closedAt,
                p.publishedAt,
                results,
                myChoices,
                myText);
    }

    /** The same poll with a participant's own answer. */
    PollView withMine(List<Integer> choices, String text) {
        return with(results, choices, text);
    }

    /**
     * The same poll with its results' totals only ({@link PollResults#withoutPoints}); this one itself
     * when there is no point's part to leave out.
     */
    public PollView withoutPoints() {
        PollResults brief = results == null ? null : results.withoutPoints();
        return brief == results ? this : with(brief, myChoices, myText);
    }

    private PollView with(PollResults results, List<Integer> choices, String text) {
        return new PollView(
                id,
                sessionId,
                agendaItemId,
                question,
                kind,
                options,
                maxChoices,
                anonymous,
                changeable,
                resultsHidden,
                status,
                openedAt,
                closedAt,
                publishedAt,
                results,
                choices,
                text);
    }
}

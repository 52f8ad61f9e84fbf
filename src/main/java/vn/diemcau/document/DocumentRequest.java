package vn.diemcau.document;

import java.util.Set;

/**
 * What the organizer says about a document: its title, what it hangs on, when it is released, how
 * it is classified and whom it is for. {@code roles} (operator, observer, participant) are who
 * besides organizers may see it, null meaning all of them; {@code pointIds} narrows operators and
 * participants to those points, empty meaning every point. {@code version} guards edits.
 */
public record DocumentRequest(
        String title,
        Long agendaItemId,
        ReleaseMode release,
        Classification classification,
        Set<String> roles,
        Set<Long> pointIds,
        Long version) {}

package vn.diemcau.report;

/**
 * One part of the session report. Features contribute theirs as CDI beans from their own package
 * (attendance, documents, polls, feedback, floor…), so the report never depends on them: the
 * report finds every {@code ReportSection} bean, orders them by {@link #order()} and prints each
 * in the PDF and as its own sheet(s) in the XLSX. A section only supplies data ({@link
 * ReportContent}); the report does the layout.
 *
 * <p>{@link #build} runs inside the report's transaction, with the caller's identity, once the
 * session has ENDED; the caller is an organizer or observer (already checked).
 *
 * <p>The keys the report expects (and prints a "no data yet" placeholder for while no bean
 * supplies them) are in {@link ReportService#EXPECTED}.
 */
public interface ReportSection {
    /** A stable name: "attendance", "documents", "polls", "feedback", "floor"… */
    String key();

    /** Place in the report, lower first. Built in: session 10, points 20, agenda 30; see {@link ReportService#EXPECTED}. */
    int order();

    ReportContent build(long sessionId);
}

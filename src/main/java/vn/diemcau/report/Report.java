package vn.diemcau.report;

import java.time.Instant;
import java.util.List;

/** The whole report of a session, ready to print or export. */
record Report(long sessionId, String sessionTitle, Instant generatedAt, List<ReportContent> sections) {}

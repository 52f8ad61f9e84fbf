package vn.diemcau.document;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.diemcau.report.ReportContent;
import vn.diemcau.report.ReportSection;

/** The documents' part of the session report: what was released, when, and how many it reached. */
@ApplicationScoped
class DocumentReportSection implements ReportSection {
    @Override
    public String key() {
        return "documents";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public ReportContent build(long sessionId) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        int released = 0;
        for (Document d : Document.ofSession(sessionId)) {
            if (d.releasedAt != null) released++;
            Set<String> recipients = new HashSet<>();
            Set<Long> points = new HashSet<>();
            List<Download> downloads = Download.list("documentId", d.id);
            for (Download x : downloads) {
                recipients.add(x.delegateId != null ? "d" + x.delegateId : "s" + x.actor);
                if (x.pointId != null) points.add(x.pointId);
            }
            rows.add(ReportContent.row(
                    n++,
                    d.title,
                    classification(d.classification),
                    d.currentVersion,
                    d.releasedAt,
                    d.recalledAt,
                    recipients.size(),
                    points.size(),
                    downloads.size()));
        }
        return new ReportContent(
                "Tài liệu phát hành và lượt tiếp cận",
                List.of(rows.size() + " tài liệu, " + released + " đã phát hành."),
                List.of(new ReportContent.Table(
                        "Tài liệu",
                        List.of(
                                ReportContent.Column.number("STT", 4),
                                ReportContent.Column.text("Tài liệu", 26),
                                ReportContent.Column.text("Mức độ", 10),
                                ReportContent.Column.number("Phiên bản", 7),
                                ReportContent.Column.text("Phát hành lúc", 12),
                                ReportContent.Column.text("Thu hồi lúc", 12),
                                ReportContent.Column.number("Người nhận", 8),
                                ReportContent.Column.number("Điểm cầu", 8),
                                ReportContent.Column.number("Lượt tải", 7)),
                        rows)));
    }

    private static String classification(Classification c) {
        return switch (c) {
            case NORMAL -> "Thường";
            case RESTRICTED -> "Hạn chế";
            case CONFIDENTIAL -> "Mật";
        };
    }
}

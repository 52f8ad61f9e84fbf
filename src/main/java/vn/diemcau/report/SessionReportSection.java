package vn.diemcau.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.diemcau.audit.AuditEventView;
import vn.diemcau.audit.AuditService;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionView;

/** The session itself: what, who hosted it, when it was planned and when it really ran. */
@ApplicationScoped
class SessionReportSection implements ReportSection {
    @Inject
    SessionService sessions;

    @Inject
    AuditService audit;

    @Override
    public String key() {
        return "session";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ReportContent build(long sessionId) {
        SessionView s = sessions.get(sessionId);
        List<AuditEventView> changes =
                audit.find(sessionId, "session.status.", 0, 100).items();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(ReportContent.row("Tên hội nghị", s.title()));
        rows.add(ReportContent.row("Loại", kind(s.kind().name())));
        rows.add(ReportContent.row("Đơn vị chủ trì", s.hostUnitName()));
        rows.add(ReportContent.row("Địa điểm", s.location()));
        rows.add(ReportContent.row("Bắt đầu theo kế hoạch", s.startsAt()));
        rows.add(ReportContent.row("Kết thúc theo kế hoạch", s.endsAt()));
        rows.add(ReportContent.row("Bắt đầu thực tế", first(changes, "session.status.live")));
        rows.add(ReportContent.row("Kết thúc thực tế", first(changes, "session.status.ended")));
        rows.add(ReportContent.row("Người tạo", s.createdBy()));
        return new ReportContent(
                "Thông tin hội nghị",
                List.of(),
                List.of(new ReportContent.Table(
                        "Hội nghị",
                        List.of(ReportContent.Column.text("Mục", 12), ReportContent.Column.text("Nội dung", 40)),
                        rows)));
    }

    /** The earliest time the session went to that status (the trail is newest first). */
    private static Instant first(List<AuditEventView> changes, String action) {
        return changes.stream()
                .filter(e -> e.action().equals(action))
                .map(AuditEventView::occurredAt)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static String kind(String k) {
        return switch (k) {
            case "CONFERENCE" -> "Hội nghị";
            case "TRAINING" -> "Lớp bồi dưỡng";
            case "WORKSHOP" -> "Tập huấn, hội thảo";
            default -> k;
        };
    }
}

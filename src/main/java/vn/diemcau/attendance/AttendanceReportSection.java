package vn.diemcau.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import vn.diemcau.report.ReportContent;
import vn.diemcau.report.ReportSection;

/** Attendance in the session report: per point and in total, named check-ins next to room counts. */
@ApplicationScoped
class AttendanceReportSection implements ReportSection {
    @Inject
    AttendanceService attendance;

    @Override
    public String key() {
        return "attendance";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ReportContent build(long sessionId) {
        AttendanceCounts counts = attendance.countsOf(sessionId);
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (AttendanceCounts.PointTally p : counts.points()) {
            AttendanceCounts.Tally t = p.tally();
            rows.add(ReportContent.row(
                    n++, p.name(), t.expected(), t.delegates(), t.present(), t.absent(), t.walkIns(), p.roomCount()));
        }
        AttendanceCounts.Tally t = counts.total();
        rows.add(ReportContent.row(
                null, "Tổng cộng", t.expected(), t.delegates(), t.present(), t.absent(), t.walkIns(), t.roomCount()));
        return new ReportContent(
                "Điểm danh đại biểu",
                List.of(
                        t.present() + "/" + t.delegates() + " đại biểu có tên đã điểm danh (dự kiến " + t.expected()
                                + "), " + t.absent() + " vắng có lý do, " + t.walkIns() + " dự bổ sung tại chỗ; "
                                + "tổng số người tại các phòng theo báo cáo của điểm cầu: " + t.roomCount() + ".",
                        "Danh sách chi tiết từng đại biểu: báo cáo điểm danh (XLSX, PDF, CSV) của hội nghị."),
                List.of(new ReportContent.Table(
                        "Điểm danh",
                        List.of(
                                ReportContent.Column.number("STT", 4),
                                ReportContent.Column.text("Điểm cầu", 28),
                                ReportContent.Column.number("Dự kiến", 8),
                                ReportContent.Column.number("Có tên", 8),
                                ReportContent.Column.number("Có mặt", 8),
                                ReportContent.Column.number("Vắng có lý do", 9),
                                ReportContent.Column.number("Dự tại chỗ", 8),
                                ReportContent.Column.number("Số người tại phòng", 10)),
                        rows)));
    }
}

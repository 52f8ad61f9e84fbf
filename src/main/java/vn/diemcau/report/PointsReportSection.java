package vn.diemcau.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.diemcau.point.PointLiveService;
import vn.diemcau.point.PointLiveView;
import vn.diemcau.point.PointService;
import vn.diemcau.point.PointView;

/** Every point with its unit, the delegates expected and on the roster, the room count it reported and its last state. */
@ApplicationScoped
class PointsReportSection implements ReportSection {
    @Inject
    PointService points;

    @Inject
    PointLiveService live;

    @Override
    public String key() {
        return "points";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ReportContent build(long sessionId) {
        List<PointView> all = points.list(sessionId);
        Map<Long, PointLiveView> states =
                live.states(sessionId).stream().collect(Collectors.toMap(PointLiveView::id, Function.identity()));
        List<List<Object>> rows = new ArrayList<>();
        long expected = 0, roster = 0, present = 0;
        int n = 1;
        for (PointView p : all) {
            PointLiveView s = states.get(p.id());
            Integer count = s == null ? null : s.presentCount();
            expected += p.expectedCount();
            roster += p.delegateCount();
            if (count != null) present += count;
            rows.add(ReportContent.row(
                    n++,
                    p.name() + (p.mainHall() ? " (điểm cầu chính)" : ""),
                    p.unitName(),
                    p.expectedCount(),
                    p.delegateCount(),
                    count,
                    s == null ? null : status(s.status().name())));
        }
        rows.add(ReportContent.row(
                null, "Tổng cộng " + all.size() + " điểm cầu", null, expected, roster, present, null));
        long answered =
                states.values().stream().filter(s -> s.presentCount() != null).count();
        return new ReportContent(
                "Điểm cầu và số người tại điểm cầu",
                List.of(all.size() + " điểm cầu; " + answered + " điểm cầu đã báo số người có mặt, tổng " + present
                        + " người."),
                List.of(new ReportContent.Table(
                        "Điểm cầu",
                        List.of(
                                ReportContent.Column.number("STT", 4),
                                ReportContent.Column.text("Điểm cầu", 26),
                                ReportContent.Column.text("Đơn vị", 18),
                                ReportContent.Column.number("Dự kiến", 8),
                                ReportContent.Column.number("Danh sách", 8),
                                ReportContent.Column.number("Có mặt", 8),
                                ReportContent.Column.text("Trạng thái cuối", 12)),
                        rows)));
    }

    static String status(String s) {
        return switch (s) {
            case "NOT_JOINED" -> "Chưa tham gia";
            case "READY" -> "Sẵn sàng";
            case "ONLINE" -> "Trực tuyến";
            case "DEGRADED" -> "Chập chờn";
            case "OFFLINE" -> "Mất kết nối";
            default -> s;
        };
    }
}

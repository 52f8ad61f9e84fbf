package vn.diemcau.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.diemcau.agenda.AgendaLiveItem;
import vn.diemcau.agenda.AgendaLiveService;
import vn.diemcau.audit.AuditEventView;
import vn.diemcau.audit.AuditService;

/** The agenda as it ran: planned against actual times, what was skipped, how much each item was extended. */
@ApplicationScoped
class AgendaReportSection implements ReportSection {
    private static final Pattern MINUTES = Pattern.compile("\\+(\\d+) min");

    @Inject
    AgendaLiveService agenda;

    @Inject
    AuditService audit;

    @Override
    public String key() {
        return "agenda";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReportContent build(long sessionId) {
        Map<Long, Integer> extended = extensions(sessionId);
        List<List<Object>> rows = new ArrayList<>();
        int done = 0, skipped = 0;
        for (AgendaLiveItem i : agenda.items(sessionId)) {
            int ext = extended.getOrDefault(i.id(), 0);
            Long actual = i.actualStart() == null || i.actualEnd() == null
                    ? null
                    : Duration.between(i.actualStart(), i.actualEnd()).toMinutes();
            switch (i.status()) {
                case DONE -> done++;
                case SKIPPED -> skipped++;
                default -> {}
            }
            rows.add(ReportContent.row(
                    i.position(),
                    i.title(),
                    i.presenter(),
                    i.plannedStart(),
                    i.durationMinutes() - ext,
                    ext,
                    i.actualStart(),
                    i.actualEnd(),
                    actual,
                    status(i.status().name())));
        }
        return new ReportContent(
                "Chương trình thực hiện",
                List.of(rows.size() + " nội dung: " + done + " đã thực hiện, " + skipped + " bỏ qua."),
                List.of(new ReportContent.Table(
                        "Chương trình",
                        List.of(
                                ReportContent.Column.number("STT", 4),
                                ReportContent.Column.text("Nội dung", 26),
                                ReportContent.Column.text("Trình bày", 14),
                                ReportContent.Column.text("Bắt đầu (kế hoạch)", 11),
                                ReportContent.Column.number("Phút (kế hoạch)", 7),
                                ReportContent.Column.number("Kéo dài (phút)", 7),
                                ReportContent.Column.text("Bắt đầu thực tế", 11),
                                ReportContent.Column.text("Kết thúc thực tế", 11),
                                ReportContent.Column.number("Phút thực tế", 7),
                                ReportContent.Column.text("Trạng thái", 10)),
                        rows)));
    }

    /** Minutes added to each item while it ran, from the audit trail ("+N min"). */
    private Map<Long, Integer> extensions(long sessionId) {
        Map<Long, Integer> m = new HashMap<>();
        for (AuditEventView e :
                audit.find(sessionId, "agenda.item.extended", 0, 10_000).items()) {
            Matcher x = e.detail() == null ? null : MINUTES.matcher(e.detail());
            if (x != null && x.find() && e.targetId() != null)
                m.merge(Long.parseLong(e.targetId()), Integer.parseInt(x.group(1)), Integer::sum);
        }
        return m;
    }

    private static String status(String s) {
        return switch (s) {
            case "DONE" -> "Đã thực hiện";
            case "SKIPPED" -> "Bỏ qua";
            case "ACTIVE" -> "Đang diễn ra";
            default -> "Chưa thực hiện";
        };
    }
}

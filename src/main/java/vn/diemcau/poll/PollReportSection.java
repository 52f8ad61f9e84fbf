package vn.diemcau.poll;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import vn.diemcau.report.ReportContent;
import vn.diemcau.report.ReportSection;

/** Polls in the session report: every poll past its draft, with phone and room counts per option. */
@ApplicationScoped
class PollReportSection implements ReportSection {
    @Inject
    PollTally tally;

    @Override
    public String key() {
        return "polls";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public ReportContent build(long sessionId) {
        List<Poll> polls = Poll.list("sessionId = ?1 and status <> ?2 order by id", sessionId, PollStatus.DRAFT);
        List<List<Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add(polls.size() + " cuộc biểu quyết, khảo sát đã mở.");
        int n = 1;
        for (Poll p : polls) {
            PollResults r = tally.count(p);
            String question = n++ + ". " + p.question + (p.anonymous ? " (ẩn danh)" : "");
            if (r.options().isEmpty()) {
                rows.add(ReportContent.row(question, r.average() == null ? "—" : "Trung bình", null, null, null));
            }
            for (PollResults.OptionCount o : r.options()) {
                rows.add(ReportContent.row(question, o.label(), o.phone(), o.room(), o.total()));
            }
            if (p.kind == PollKind.RATING && r.average() != null)
                notes.add(question + ": điểm trung bình " + String.format("%.2f", r.average()) + ".");
            if (p.kind == PollKind.TEXT) notes.add(question + ": " + r.texts().size() + " câu trả lời.");
        }
        return new ReportContent(
                "Kết quả biểu quyết, khảo sát",
                notes,
                List.of(new ReportContent.Table(
                        "Biểu quyết",
                        List.of(
                                ReportContent.Column.text("Câu hỏi", 34),
                                ReportContent.Column.text("Phương án", 24),
                                ReportContent.Column.number("Qua điện thoại", 10),
                                ReportContent.Column.number("Giơ tay tại phòng", 10),
                                ReportContent.Column.number("Tổng", 8)),
                        rows)));
    }
}

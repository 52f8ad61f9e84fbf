package vn.diemcau.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import vn.diemcau.report.ReportContent;
import vn.diemcau.report.ReportSection;

/** The feedback form's summary in the session report: averages, distributions and the free-text answers. */
@ApplicationScoped
class FeedbackReportSection implements ReportSection {
    @Inject
    FeedbackService feedback;

    @Override
    public String key() {
        return "feedback";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public ReportContent build(long sessionId) {
        String title = "Tổng hợp phiếu đánh giá";
        if (FeedbackForm.find("sessionId", sessionId).firstResult() == null)
            return new ReportContent(title, List.of("Hội nghị không dùng phiếu đánh giá."), List.of());
        FeedbackSummary s = feedback.summary(sessionId);
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> texts = new ArrayList<>();
        for (FeedbackSummary.Question q : s.questions()) {
            String question = q.position() + ". " + q.text();
            String spread = spread(q);
            rows.add(ReportContent.row(
                    question,
                    q.answered(),
                    q.average() == null ? null : Math.round(q.average() * 100) / 100.0,
                    spread));
            int n = 1;
            for (String t : q.texts()) texts.add(ReportContent.row(question, n++, t));
        }
        return new ReportContent(
                title,
                List.of(s.title() + ": " + s.responses() + " phiếu trả lời."),
                List.of(
                        new ReportContent.Table(
                                "Phiếu đánh giá",
                                List.of(
                                        ReportContent.Column.text("Câu hỏi", 34),
                                        ReportContent.Column.number("Số trả lời", 8),
                                        ReportContent.Column.number("Trung bình", 8),
                                        ReportContent.Column.text("Phân bố", 30)),
                                rows),
                        new ReportContent.Table(
                                "Ý kiến",
                                List.of(
                                        ReportContent.Column.text("Câu hỏi", 30),
                                        ReportContent.Column.number("STT", 5),
                                        ReportContent.Column.text("Ý kiến", 45)),
                                texts)));
    }

    private static String spread(FeedbackSummary.Question q) {
        if (q.distribution() == null || q.distribution().isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < q.distribution().size(); i++) {
            String label = q.kind() == FeedbackQuestionKind.RATING
                    ? String.valueOf(i + 1)
                    : (q.options() != null && i < q.options().size()
                            ? q.options().get(i)
                            : String.valueOf(i + 1));
            parts.add(label + ": " + q.distribution().get(i));
        }
        return String.join("; ", parts);
    }
}

package vn.diemcau.floor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.diemcau.report.ReportContent;
import vn.diemcau.report.ReportSection;

/** The floor's part of the session report: every request to speak and its outcome; the public questions. */
@ApplicationScoped
class FloorReportSection implements ReportSection {
    @Override
    public String key() {
        return "floor";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public ReportContent build(long sessionId) {
        List<FloorRequest> requests = FloorRequest.list("sessionId = ?1 order by requestedAt, id", sessionId);
        List<List<Object>> speak = new ArrayList<>();
        int n = 1;
        long spoke = 0;
        for (FloorRequest r : requests) {
            if (r.grantedAt != null) spoke++;
            speak.add(ReportContent.row(
                    n++,
                    r.pointName,
                    r.delegateName == null ? "Cả điểm cầu" : r.delegateName,
                    r.topic,
                    r.requestedAt,
                    r.grantedAt,
                    r.closedAt,
                    outcome(r)));
        }
        List<Question> questions = Question.list("sessionId = ?1 order by askedAt, id", sessionId);
        Map<QuestionStatus, Integer> byStatus = new EnumMap<>(QuestionStatus.class);
        List<List<Object>> asked = new ArrayList<>();
        n = 1;
        for (Question q : questions) {
            byStatus.merge(q.status, 1, Integer::sum);
            if (!q.status.visibleToAll()) continue;
            asked.add(ReportContent.row(
                    n++,
                    q.authorName,
                    q.pointName,
                    q.text,
                    q.askedAt,
                    q.status == QuestionStatus.ANSWERED ? "Đã trả lời" : "Đã duyệt, chưa trả lời"));
        }
        return new ReportContent(
                "Đăng ký phát biểu và câu hỏi",
                List.of(
                        requests.size() + " lượt đăng ký phát biểu, " + spoke + " lượt được phát biểu.",
                        questions.size() + " câu hỏi: " + count(byStatus, QuestionStatus.ANSWERED) + " đã trả lời, "
                                + count(byStatus, QuestionStatus.APPROVED) + " đã duyệt chưa trả lời, "
                                + count(byStatus, QuestionStatus.PENDING) + " chưa duyệt, "
                                + count(byStatus, QuestionStatus.MERGED) + " gộp, "
                                + count(byStatus, QuestionStatus.HIDDEN) + " ẩn."),
                List.of(
                        new ReportContent.Table(
                                "Đăng ký phát biểu",
                                List.of(
                                        ReportContent.Column.number("STT", 4),
                                        ReportContent.Column.text("Điểm cầu", 18),
                                        ReportContent.Column.text("Người phát biểu", 14),
                                        ReportContent.Column.text("Nội dung", 22),
                                        ReportContent.Column.text("Đăng ký lúc", 11),
                                        ReportContent.Column.text("Phát biểu lúc", 11),
                                        ReportContent.Column.text("Kết thúc lúc", 11),
                                        ReportContent.Column.text("Kết quả", 14)),
                                speak),
                        new ReportContent.Table(
                                "Câu hỏi công khai",
                                List.of(
                                        ReportContent.Column.number("STT", 4),
                                        ReportContent.Column.text("Người hỏi", 14),
                                        ReportContent.Column.text("Điểm cầu", 16),
                                        ReportContent.Column.text("Câu hỏi", 40),
                                        ReportContent.Column.text("Gửi lúc", 11),
                                        ReportContent.Column.text("Trạng thái", 12)),
                                asked)));
    }

    private static int count(Map<QuestionStatus, Integer> m, QuestionStatus s) {
        return m.getOrDefault(s, 0);
    }

    private static String outcome(FloorRequest r) {
        return switch (r.status) {
            case WAITING -> "Chưa được phát biểu";
            case GRANTED -> "Đang phát biểu";
            case FINISHED -> "Đã phát biểu";
            case DECLINED -> "Từ chối: " + r.declineReason;
            case WITHDRAWN -> "Điểm cầu rút lại";
        };
    }
}

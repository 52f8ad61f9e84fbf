package vn.diemcau.feedback;

import java.util.List;

public record FeedbackTemplateView(long id, String name, List<FeedbackQuestionView> questions) {
    static FeedbackTemplateView from(FeedbackTemplate t) {
        return new FeedbackTemplateView(t.id, t.name, FeedbackQuestionView.all(t.questions));
    }
}

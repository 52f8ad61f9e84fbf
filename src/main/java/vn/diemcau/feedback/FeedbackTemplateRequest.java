package vn.diemcau.feedback;

import java.util.List;

public record FeedbackTemplateRequest(String name, List<FeedbackQuestionView> questions) {}

package vn.diemcau.feedback;

import java.util.List;

/** A question in and out: {@code options} for CHOICE only. */
public record FeedbackQuestionView(Integer position, FeedbackQuestionKind kind, String text, List<String> options) {
    static FeedbackQuestionView from(int position, FeedbackQuestion q) {
        return new FeedbackQuestionView(position, q.kind, q.text, q.optionList());
    }

    static List<FeedbackQuestionView> all(List<FeedbackQuestion> qs) {
        return java.util.stream.IntStream.range(0, qs.size())
                .mapToObj(i -> from(i, qs.get(i)))
                .toList();
    }
}

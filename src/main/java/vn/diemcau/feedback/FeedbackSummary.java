package vn.diemcau.feedback;

import java.util.List;

/** Averages, distributions and every free-text answer of a session's form. */
public record FeedbackSummary(
        long formId, String title, FeedbackFormStatus status, long responses, List<Question> questions) {
    /**
     * {@code distribution}: counts per rating 1–5 (RATING) or per option (CHOICE); {@code texts}: all
     * free-text answers (TEXT).
     */
    public record Question(
            int position,
            FeedbackQuestionKind kind,
            String text,
            List<String> options,
            long answered,
            Double average,
            List<Long> distribution,
            List<String> texts) {}
}

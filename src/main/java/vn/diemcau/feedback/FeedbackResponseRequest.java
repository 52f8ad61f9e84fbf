package vn.diemcau.feedback;

import java.util.List;

/** A delegate's answers: {@code rating} 1–5 for RATING, {@code choice} (option position) for CHOICE, {@code text} for TEXT. */
public record FeedbackResponseRequest(List<Answer> answers) {
    public record Answer(int position, Integer rating, Integer choice, String text) {}
}

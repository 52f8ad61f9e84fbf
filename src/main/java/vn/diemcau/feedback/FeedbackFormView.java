package vn.diemcau.feedback;

import java.time.Instant;
import java.util.List;

/** {@code responses}: how many answered (staff; null for participants); {@code answered}: the calling delegate did. */
public record FeedbackFormView(
        long id,
        long sessionId,
        String title,
        FeedbackFormStatus status,
        boolean openOnEnd,
        Instant opensAt,
        Instant openedAt,
        Instant closedAt,
        List<FeedbackQuestionView> questions,
        Long responses,
        boolean answered) {}

package vn.diemcau.feedback;

import java.time.Instant;
import java.util.List;

/**
 * The session's form: its questions as given ({@code questions}, written here or edited after
 * starting from a template) or else copied from {@code templateId}; opens when the session ends
 * and/or at {@code opensAt}.
 */
public record FeedbackFormRequest(
        Long templateId, String title, Boolean openOnEnd, Instant opensAt, List<FeedbackQuestionView> questions) {}

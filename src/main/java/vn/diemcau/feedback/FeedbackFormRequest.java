package vn.diemcau.feedback;

import java.time.Instant;

/** The session's form, copied from {@code templateId}; opens when the session ends and/or at {@code opensAt}. */
public record FeedbackFormRequest(Long templateId, String title, Boolean openOnEnd, Instant opensAt) {}

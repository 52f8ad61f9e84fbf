package vn.diemcau.feedback;

import java.time.Instant;

/** A session's feedback form opened (by hand, at its time, or when the session ended) or closed. */
public record FeedbackFormChanged(long sessionId, long formId, FeedbackFormStatus status, Instant at) {}

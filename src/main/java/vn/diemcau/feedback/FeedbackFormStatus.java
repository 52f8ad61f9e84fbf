package vn.diemcau.feedback;

/** DRAFT (prepared) → OPEN (delegates answer) → CLOSED. */
public enum FeedbackFormStatus {
    DRAFT,
    OPEN,
    CLOSED
}

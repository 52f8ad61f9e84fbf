package vn.diemcau.feedback;

/** RATING: 1–5; CHOICE: one of the question's options; TEXT: free text. */
public enum FeedbackQuestionKind {
    RATING,
    CHOICE,
    TEXT
}

package vn.diemcau.poll;

/** SINGLE: one option; MULTIPLE: up to maxChoices options; RATING: 1–5; TEXT: a short answer. */
public enum PollKind {
    SINGLE,
    MULTIPLE,
    RATING,
    TEXT
}

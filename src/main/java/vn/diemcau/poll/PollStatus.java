package vn.diemcau.poll;

/** DRAFT → OPEN → CLOSED → PUBLISHED. Votes only while OPEN; room counts while OPEN or CLOSED. */
public enum PollStatus {
    DRAFT,
    OPEN,
    CLOSED,
    PUBLISHED
}

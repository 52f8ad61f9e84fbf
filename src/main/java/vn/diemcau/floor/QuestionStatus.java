package vn.diemcau.floor;

/** PENDING until moderated; APPROVED ones are public (big screen), ANSWERED stay public as answered. */
public enum QuestionStatus {
    PENDING,
    APPROVED,
    ANSWERED,
    HIDDEN,
    MERGED;

    public boolean visibleToAll() {
        return this == APPROVED || this == ANSWERED;
    }
}

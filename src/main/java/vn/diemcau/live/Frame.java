package vn.diemcau.live;

/**
 * One event as it goes on the wire: serialised once, the same text for every connection
 * ({@code staffOnly}: not for participants, e.g. the results of a poll that hides them).
 */
record Frame(long seq, String text, boolean staffOnly) {
    Frame(long seq, String text) {
        this(seq, text, false);
    }
}

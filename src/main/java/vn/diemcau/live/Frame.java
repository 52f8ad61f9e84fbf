package vn.diemcau.live;

/** One event as it goes on the wire: serialised once, the same text for every connection. */
record Frame(long seq, String text) {}

package vn.diemcau.poll;

/** A vote or room count was stored; the ticker sends the new totals later, coalesced. */
record PollVoted(long sessionId, long pollId) {}

package vn.diemcau.poll;

import java.time.Instant;
import java.util.List;

/** One delegate's answer to a named poll (organizer only; anonymous polls have none). */
public record PollNamedAnswer(long delegateId, Long pointId, List<Integer> choices, String text, Instant votedAt) {}

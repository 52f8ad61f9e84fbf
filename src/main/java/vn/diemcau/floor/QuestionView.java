package vn.diemcau.floor;

import java.time.Instant;

public record QuestionView(
        long id,
        long sessionId,
        long delegateId,
        String authorName,
        Long pointId,
        String pointName,
        String text,
        QuestionStatus status,
        Long mergedIntoId,
        Instant askedAt,
        Instant moderatedAt) {
    static QuestionView from(Question q) {
        return new QuestionView(
                q.id,
                q.sessionId,
                q.delegateId,
                q.authorName,
                q.pointId,
                q.pointName,
                q.text,
                q.status,
                q.mergedIntoId,
                q.askedAt,
                q.moderatedAt);
    }
}

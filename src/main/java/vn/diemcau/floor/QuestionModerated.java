package vn.diemcau.floor;

/**
 * A question was approved, answered, hidden or merged. {@code question} is the full view when the
 * question is now public (approved/answered); for hidden and merged ones only id, status and
 * target travel (their text stays with the moderators and the author).
 */
public record QuestionModerated(
        long sessionId,
        long questionId,
        QuestionStatus status,
        Long mergedIntoId,
        QuestionView question,
        long pending) {}

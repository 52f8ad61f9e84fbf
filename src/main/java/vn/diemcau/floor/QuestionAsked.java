package vn.diemcau.floor;

/**
 * A question came in. It is not public yet, so only its id and the number waiting for moderation
 * travel to every screen; moderators read the text through the API.
 */
public record QuestionAsked(long sessionId, long questionId, long pending) {}

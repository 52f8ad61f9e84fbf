package vn.diemcau.floor;

/** What the main hall does with a question: APPROVE, ANSWER, HIDE, or MERGE into {@code intoId}. */
public record QuestionModeration(Action action, Long intoId) {
    public enum Action {
        APPROVE,
        ANSWER,
        HIDE,
        MERGE
    }
}

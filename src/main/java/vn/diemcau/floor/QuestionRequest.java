package vn.diemcau.floor;

/** One question per submission. */
public record QuestionRequest(String text) {}

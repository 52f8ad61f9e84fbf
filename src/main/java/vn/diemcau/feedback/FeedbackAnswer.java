package vn.diemcau.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A delegate's answer to the question at {@code position}. */
@Embeddable
public class FeedbackAnswer {
    @Column(nullable = false)
    public int position;

    public Integer rating;

    public Integer choice;

    @Column(name = "answer_text")
    public String text;
}

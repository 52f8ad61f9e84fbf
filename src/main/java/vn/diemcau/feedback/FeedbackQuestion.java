package vn.diemcau.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.List;

/** One question of a template or a form; CHOICE options are kept one per line. */
@Embeddable
public class FeedbackQuestion {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackQuestionKind kind;

    @Column(nullable = false)
    public String text;

    public String options;

    FeedbackQuestion copy() {
        FeedbackQuestion q = new FeedbackQuestion();
        q.kind = kind;
        q.text = text;
        q.options = options;
        return q;
    }

    List<String> optionList() {
        return options == null || options.isEmpty() ? List.of() : Arrays.asList(options.split("\n"));
    }
}

package vn.diemcau.floor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "diemcau.questions")
public interface QuestionConfig {
    /** Longest question, in characters. */
    @WithDefault("500")
    int maxLength();

    /** Questions one delegate may send within {@link #window()}. */
    @WithDefault("5")
    int perWindow();

    @WithDefault("10m")
    Duration window();
}

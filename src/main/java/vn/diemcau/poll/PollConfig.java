package vn.diemcau.poll;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "diemcau.poll")
public interface PollConfig {
    /** At most one poll.results_changed per poll in this interval, however many votes arrive. */
    @WithDefault("500ms")
    Duration resultsEvery();
}

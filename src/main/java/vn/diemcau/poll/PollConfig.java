package vn.diemcau.poll;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "diemcau.poll")
public interface PollConfig {
    /** At most one poll.results_changed per poll in this interval, however many votes arrive. */
    @WithDefault("500ms")
    Duration resultsEvery();

    /**
     * The same for participants' phones, where the poll shows them its results: every phone of the
     * session gets each of these frames, so their pace is slower than the screens' (8,000 phones at
     * the screens' pace would be 16,000 frames a second for the totals alone). The latest totals still
     * reach them within this interval after the last vote.
     */
    @WithDefault("2s")
    Duration participantResultsEvery();
}

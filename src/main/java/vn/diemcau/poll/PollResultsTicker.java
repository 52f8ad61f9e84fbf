package vn.diemcau.poll;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Coalesces result updates: a committed vote only marks its poll as changed; every
 * {@code diemcau.poll.results-every} the totals of each changed poll are counted once and sent as
 * one {@link PollResultsChanged}. However many votes arrive, a screen gets at most one update per
 * poll and interval.
 */
@ApplicationScoped
class PollResultsTicker {
    private static final Logger LOG = Logger.getLogger(PollResultsTicker.class);

    @Inject
    PollService polls;

    @Inject
    PollConfig config;

    @Inject
    Event<PollResultsChanged> changed;

    /** poll id → session id of the polls with votes not yet sent. */
    private final Map<Long, Long> dirty = new ConcurrentHashMap<>();

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent e) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poll-results");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(50, config.resultsEvery().toMillis());
        timer.scheduleWithFixedDelay(this::flushSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent e) {
        if (timer != null) timer.shutdownNow();
    }

    void onVoted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollVoted v) {
        dirty.put(v.pollId(), v.sessionId());
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException ex) {
            LOG.warn("poll results: could not send the new totals", ex);
        }
    }

    void flush() {
        for (Long pollId : dirty.keySet()) {
            Long sessionId = dirty.remove(pollId);
            if (sessionId == null) continue;
            record Counted(PollResults results, boolean participantsMaySee) {}
            Counted c = QuarkusTransaction.requiringNew()
                    .call(() -> new Counted(polls.currentResults(pollId), polls.participantsMaySee(pollId)));
            if (c.results() != null)
                changed.fire(new PollResultsChanged(sessionId, c.results(), c.participantsMaySee()));
        }
    }
}

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
 * poll and interval. Participants' phones, where the poll shows them its results, get them at most
 * every {@code diemcau.poll.participant-results-every}: a count in between goes to staff only, and
 * the latest one the phones were not sent follows them once their interval has passed (at the next
 * tick), whether or not more votes came, unless the results were hidden meanwhile.
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

    /** poll id → when (nanoTime) the phones were last sent its totals. */
    private final Map<Long, Long> phonesSent = new ConcurrentHashMap<>();

    /** poll id → its latest totals, counted and sent to staff, that the phones have not had yet. */
    private final Map<Long, PollResultsChanged> phonesOwed = new ConcurrentHashMap<>();

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
        long now = System.nanoTime();
        for (Long pollId : dirty.keySet()) {
            Long sessionId = dirty.remove(pollId);
            if (sessionId == null) continue;
            record Counted(PollResults results, boolean participantsMaySee) {}
            Counted c = QuarkusTransaction.requiringNew()
                    .call(() -> new Counted(polls.currentResults(pollId), polls.participantsMaySee(pollId)));
            if (c.results() == null) {
                phonesOwed.remove(pollId);
                continue;
            }
            boolean phones = c.participantsMaySee() && phonesDue(pollId, now);
            if (phones) {
                phonesSent.put(pollId, now);
                phonesOwed.remove(pollId);
            } else if (c.participantsMaySee()) {
                phonesOwed.put(pollId, new PollResultsChanged(sessionId, c.results(), true));
            } else {
                phonesOwed.remove(pollId);
            }
            changed.fire(new PollResultsChanged(sessionId, c.results(), phones));
        }
        // the phones' latest totals held back by their pace, once it allows (staff get them again)
        for (Map.Entry<Long, PollResultsChanged> owed : phonesOwed.entrySet()) {
            long pollId = owed.getKey();
            if (!phonesDue(pollId, now) || !phonesOwed.remove(pollId, owed.getValue())) continue;
            phonesSent.put(pollId, now);
            // the organizer may have hidden the results meanwhile
            if (QuarkusTransaction.requiringNew().call(() -> polls.participantsMaySee(pollId)))
                changed.fire(owed.getValue());
        }
        // a poll whose phones' interval has long passed needs no entry: the next totals go at once
        long forget = 10 * config.participantResultsEvery().toNanos();
        phonesSent.entrySet().removeIf(e -> now - e.getValue() > forget && !phonesOwed.containsKey(e.getKey()));
    }

    private boolean phonesDue(long pollId, long now) {
        Long sent = phonesSent.get(pollId);
        return sent == null || now - sent >= config.participantResultsEvery().toNanos();
    }
}

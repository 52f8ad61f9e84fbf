package vn.diemcau.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diemcau.common.AfterTransaction;

/**
 * Invitations recently presented, by token hash, so that a crowd of phones connecting and
 * checking in at once does not read the roster once per request. The first unknown phone of a
 * session also brings in all of that session's invitations in one read (a province's 95,000
 * delegates arrive within minutes, each with a token never seen before). Only valid invitations
 * are kept (a forged token is looked up every time and refused). On this instance a revoked, changed or
 * deleted invitation is dropped the moment its change commits; other instances keep theirs for at
 * most {@code diemcau.security.invitation-cache} (30 s; 0 turns the cache off), and their open
 * sockets are checked without it ({@code diemcau.live.recheck-every}).
 */
@ApplicationScoped
public class InvitationCache {
    private static final int MAX_ENTRIES = 500_000;

    @ConfigProperty(name = "diemcau.security.invitation-cache", defaultValue = "30s")
    Duration ttl;

    @Inject
    TransactionSynchronizationRegistry tx;

    private record Entry(InvitationDirectory.Invitation invitation, long until) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Sessions whose invitations were all read, until when (nanoTime). */
    private final Map<Long, Long> sessionsUntil = new ConcurrentHashMap<>();
    /** Sessions being read now: one reader per session, the others look up their own token. */
    private final Set<Long> loading = ConcurrentHashMap.newKeySet();
    /**
     * Counts the invitations dropped: a read that began before a drop may hold the old row, so what
     * it read is kept only when no drop happened meanwhile ({@link #epoch}).
     */
    private final AtomicLong drops = new AtomicLong();

    /** The invitation when it was looked up less than the cache's time ago; null otherwise. */
    InvitationDirectory.Invitation get(String tokenHash) {
        Entry e = entries.get(tokenHash);
        if (e == null) return null;
        if (System.nanoTime() - e.until() > 0) {
            entries.remove(tokenHash, e);
            return null;
        }
        return e.invitation();
    }

    /**
     * The invitation behind a presented token when this instance knows it already, without any read;
     * null for a token that is malformed, unknown, forged or not looked up recently (the full
     * authentication path then decides).
     */
    public InvitationDirectory.Invitation known(String token) {
        return token != null && InvitationTokens.wellFormed(token) ? get(InvitationTokens.hash(token)) : null;
    }

    /** Take it before reading the roster; hand it to {@link #put} with what was read. */
    long epoch() {
        return drops.get();
    }

    boolean enabled() {
        return !ttl.isZero() && !ttl.isNegative();
    }

    /** Keeps what was read since {@code epoch}, unless an invitation was dropped meanwhile. */
    void put(String tokenHash, InvitationDirectory.Invitation invitation, long epoch) {
        if (!enabled()) return;
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        Entry e = new Entry(invitation, System.nanoTime() + ttl.toNanos());
        entries.put(tokenHash, e);
        // dropped while we read: what we read may be the old row, do not keep it
        if (drops.get() != epoch) entries.remove(tokenHash, e);
    }

    /**
     * True for the one caller that should read all of the session's invitations now: the first
     * unknown phone of a session that was not read within the cache's time.
     */
    boolean claimSession(long sessionId) {
        if (!enabled()) return false;
        Long until = sessionsUntil.get(sessionId);
        if (until != null && until - System.nanoTime() > 0) return false;
        return loading.add(sessionId);
    }

    /** The session's invitations as read since {@code epoch} (null: the read failed; tried again later). */
    void putSession(long sessionId, Map<String, InvitationDirectory.Invitation> all, long epoch) {
        try {
            if (all == null || drops.get() != epoch) return;
            if (entries.size() + all.size() > MAX_ENTRIES) entries.clear();
            long until = System.nanoTime() + ttl.toNanos();
            all.forEach((hash, inv) -> entries.put(hash, new Entry(inv, until)));
            sessionsUntil.put(sessionId, until);
            if (drops.get() != epoch) {
                // an invitation changed while the entries went in: trust none of this read
                all.keySet().forEach(entries::remove);
                sessionsUntil.remove(sessionId);
            }
        } finally {
            loading.remove(sessionId);
        }
    }

    /**
     * Drops the invitation once the current transaction commits (at once outside one): dropping it
     * before would let a request still reading the old row put it back.
     */
    public void forgetAfterCommit(String tokenHash) {
        if (tokenHash == null) return;
        drops.incrementAndGet();
        entries.remove(tokenHash);
        AfterTransaction.run(tx, () -> {
            drops.incrementAndGet();
            entries.remove(tokenHash);
        });
    }
}

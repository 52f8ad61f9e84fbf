package vn.diemcau.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diemcau.common.AfterTransaction;

/**
 * Invitations recently presented, by token hash, so that a crowd of phones connecting and
 * checking in at once does not read the roster once per request. Only valid invitations are kept
 * (a forged token is looked up every time and refused). On this instance a revoked, changed or
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

    void put(String tokenHash, InvitationDirectory.Invitation invitation) {
        if (ttl.isZero() || ttl.isNegative()) return;
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(tokenHash, new Entry(invitation, System.nanoTime() + ttl.toNanos()));
    }

    /**
     * Drops the invitation once the current transaction commits (at once outside one): dropping it
     * before would let a request still reading the old row put it back.
     */
    public void forgetAfterCommit(String tokenHash) {
        if (tokenHash == null) return;
        entries.remove(tokenHash);
        AfterTransaction.run(tx, () -> entries.remove(tokenHash));
    }
}

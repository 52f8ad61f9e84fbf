package vn.diemcau.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.diemcau.common.AfterTransaction;
import vn.diemcau.point.PointDeleted;

/**
 * What a download must know of a document — who may have it and which file is current — kept in
 * memory, so that a crowd downloading the same few documents reads nothing from the database to be
 * let in. The access rule itself is still applied to every request ({@code DocumentService}); only
 * its inputs are cached.
 *
 * <p>On this instance an entry goes the moment a change of the document commits (release, recall,
 * edit, new version; a deleted point, which changes the audience of the documents limited to it).
 * A load that read the document before such a commit is never kept: each change moves a generation
 * on, and a load that saw the generation move drops what it put. Other instances follow within
 * {@code diemcau.documents.access-cache} (5 s; 0 turns the cache off).
 */
@ApplicationScoped
class DocumentAccessCache {
    private static final int MAX_ENTRIES = 100_000;

    @Inject
    DocumentsConfig config;

    @Inject
    DocumentStore store;

    @Inject
    TransactionSynchronizationRegistry tx;

    /** A document as a download sees it: its audience and its current version. */
    record Access(
            long documentId,
            long sessionId,
            boolean released,
            Set<String> roles,
            Set<Long> points,
            Classification classification,
            long versionId,
            int versionNumber,
            String fileName,
            String contentType,
            long size,
            String sha256,
            Path file) {
        String etag() {
            return "\"" + sha256 + "\"";
        }
    }

    private record Entry(Access access, long until) {}

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The document with its current version, or null when either is missing. */
    Access get(long documentId) {
        Access held = known(documentId);
        if (held != null) return held;
        long seen = generation.get();
        Access a = QuarkusTransaction.joiningExisting().call(() -> load(documentId));
        Duration ttl = config.accessCache();
        if (a == null || ttl.isZero() || ttl.isNegative()) return a;
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        Entry mine = new Entry(a, System.nanoTime() + ttl.toNanos());
        entries.put(documentId, mine);
        // a change committed since the read began: what was read may be the old document
        if (generation.get() != seen) entries.remove(documentId, mine);
        return a;
    }

    /** The document as this instance holds it, without any read; null when it does not hold it now. */
    Access known(long documentId) {
        Entry e = entries.get(documentId);
        return e != null && System.nanoTime() - e.until() < 0 ? e.access() : null;
    }

    /**
     * Drops the document now and again once the current transaction ends (at once outside one):
     * a request still reading the old row must not put it back.
     */
    void forgetAfterCommit(long documentId) {
        forget(documentId);
        AfterTransaction.run(tx, () -> forget(documentId));
    }

    /** The points' rows go with the point (ON DELETE CASCADE): every document's audience may have changed. */
    void onPointDeleted(@Observes PointDeleted e) {
        forgetAll();
        AfterTransaction.run(tx, this::forgetAll);
    }

    private void forget(long documentId) {
        generation.incrementAndGet();
        entries.remove(documentId);
    }

    private void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private Access load(long documentId) {
        Document d = Document.findById(documentId);
        if (d == null) return null;
        DocumentVersion v = DocumentVersion.of(d.id, d.currentVersion);
        if (v == null) return null;
        return new Access(
                d.id,
                d.sessionId,
                d.released,
                Set.copyOf(d.roles()),
                Set.copyOf(d.points),
                d.classification,
                v.id,
                v.number,
                v.fileName,
                v.contentType,
                v.size,
                v.sha256,
                store.file(d.id, v.number));
    }
}

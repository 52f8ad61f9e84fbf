package vn.diemcau.document;

import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Small stored files kept in memory for the downloads the event loop answers ({@link DownloadRoute}):
 * the answer to a download of one is a single write of headers and bytes, where a file sent from disk
 * costs opening and checking the file and a push of the headers apart from its bytes, which for a
 * 200 KB paper is most of the download's cost.
 *
 * <p>What is held is keyed by the file's SHA-256, which is also its ETag: a stored version's file never
 * changes, a new version has its own digest, and bytes are held only after their digest was checked
 * against it. A file is loaded off the event loop after its first download (sent from disk meanwhile).
 * At most {@code diemcau.documents.held.max-size} in all (the least recently downloaded go first),
 * each at most {@code file-max-size}; 0 turns it off. The memory is the JVM's direct memory, freed
 * once no write still uses it.
 */
@ApplicationScoped
class HeldFiles {
    private static final Logger LOG = Logger.getLogger(HeldFiles.class);

    @Inject
    DocumentsConfig config;

    @Inject
    Vertx vertx;

    private static final class Held {
        final Buffer bytes;
        volatile long used = System.nanoTime();

        Held(Buffer bytes) {
            this.bytes = bytes;
        }
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private final AtomicLong total = new AtomicLong();

    /**
     * The bytes of what is served, when held; otherwise null, and when it is a stored file small enough
     * to be held, its load begins.
     */
    Buffer get(DocumentService.Served s) {
        if (s.watermarked()) return null;
        Held h = held.get(s.etag());
        if (h != null) {
            h.used = System.nanoTime();
            return h.bytes;
        }
        long max = config.held().maxSize().asLongValue();
        if (max > 0
                && s.size() <= max
                && s.size() <= config.held().fileMaxSize().asLongValue()
                && loading.add(s.etag()))
            vertx.executeBlocking(() -> load(s), false).onComplete(done -> loading.remove(s.etag()));
        return null;
    }

    /** Whether the file with this ETag is held (tests). */
    boolean holds(String etag) {
        return held.containsKey(etag);
    }

    /** Reads, checks and holds the file; false when its bytes are not what its record says. */
    boolean load(DocumentService.Served s) throws IOException {
        byte[] bytes = Files.readAllBytes(s.file());
        String digest = "\"" + HexFormat.of().formatHex(DocumentStore.sha256().digest(bytes)) + "\"";
        if (bytes.length != s.size() || !digest.equals(s.etag())) {
            LOG.warnf(
                    "Stored file %s does not match its record (%d bytes, %s): not held", s.file(), s.size(), s.etag());
            return false;
        }
        makeRoom(bytes.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        // a Vert.x buffer writes a slice of it each time; the memory goes with the last reference
        if (held.putIfAbsent(s.etag(), new Held(Buffer.buffer(Unpooled.wrappedBuffer(direct)))) == null)
            total.addAndGet(bytes.length);
        return true;
    }

    /** Drops the least recently downloaded files until {@code size} more fits. */
    private synchronized void makeRoom(long size) {
        long max = config.held().maxSize().asLongValue();
        while (total.get() + size > max && !held.isEmpty()) {
            Map.Entry<String, Held> oldest = held.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue().used))
                    .orElseThrow();
            if (held.remove(oldest.getKey(), oldest.getValue()))
                total.addAndGet(-oldest.getValue().bytes.length());
        }
    }
}

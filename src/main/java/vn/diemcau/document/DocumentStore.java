package vn.diemcau.document;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import vn.diemcau.common.ProblemException;

/**
 * The files on disk. An upload streams into tmp/ while its SHA-256 and size are counted, and only
 * an accepted one is moved to {@code <document id>/<version>}; nothing is ever held whole in memory.
 * Personal watermarked copies live under {@code watermarked/<document id>/}, a cache kept small by a
 * sweep and dropped when the document is recalled or gets a new version.
 */
@ApplicationScoped
class DocumentStore {
    private static final Logger LOG = Logger.getLogger(DocumentStore.class);
    private static final int BUFFER = 64 * 1024;
    /** A copy downloaded this recently is never swept for size: its response may still be reading it. */
    static final Duration SWEEP_GRACE = Duration.ofMinutes(1);
    /** Locks that keep two requests from making the same copy at once. */
    private static final Object[] MAKING = new Object[64];

    static {
        Arrays.setAll(MAKING, i -> new Object());
    }

    @Inject
    DocumentsConfig config;

    @Inject
    Clock clock;

    /** A file received into tmp/, with what was counted on the way. */
    record Received(Path file, long size, String sha256) {}

    void init(@Observes StartupEvent e) throws IOException {
        Files.createDirectories(tmp());
    }

    long maxSize() {
        return config.maxSize().asLongValue();
    }

    /**
     * Copies {@code in} to a new temporary file. Past the limit it stops writing, deletes the file
     * and reads the rest of the body away (so the client sees the 413, not a reset), then throws.
     */
    Received receive(InputStream in) {
        Path file = tmp().resolve("upload-" + UUID.randomUUID());
        long limit = maxSize();
        MessageDigest sha = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) >= 0) {
                size += n;
                if (size > limit) break;
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
        if (size > limit) {
            delete(file);
            drain(in, limit);
            throw tooLarge();
        }
        return new Received(file, size, HexFormat.of().formatHex(sha.digest()));
    }

    ProblemException tooLarge() {
        return new ProblemException(413, "document.too-large", config.maxSize().asLongValue() / (1024 * 1024));
    }

    /** Moves an accepted upload to its place. */
    Path keep(Received r, long documentId, int number) {
        Path target = file(documentId, number);
        try {
            Files.createDirectories(target.getParent());
            return Files.move(r.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(long documentId, int number) {
        return config.dir().resolve(Long.toString(documentId)).resolve(Integer.toString(number));
    }

    // ------------------------------------------------------------------ watermarked copies

    /** Writes a recipient's copy to the path it is given. */
    interface CopyMaker {
        void write(Path target) throws IOException;
    }

    /**
     * The recipient's personal copy of a version, made when missing (one maker at a time per copy)
     * and marked as downloaded now. Kept so a resumed download gets the same bytes; a cache all the
     * same: swept by {@link #sweep}, dropped on recall and on a new version, made again when asked.
     */
    Path watermarked(long documentId, int version, String recipientKey, CopyMaker maker) throws IOException {
        Path copy = watermarkedDir(documentId).resolve(version + "-" + recipientKey + ".pdf");
        synchronized (MAKING[Math.floorMod(copy.hashCode(), MAKING.length)]) {
            if (!Files.exists(copy)) maker.write(copy);
        }
        // the last download is the file's access time: what the sweep keeps the recent by
        Files.getFileAttributeView(copy, BasicFileAttributeView.class)
                .setTimes(null, FileTime.from(Instant.now(clock)), null);
        return copy;
    }

    /** Deletes a document's copies, but those of version {@code keep} when given (the current one). */
    void dropWatermarked(long documentId, Integer keepVersion) {
        Path dir = watermarkedDir(documentId);
        if (!Files.isDirectory(dir)) return;
        String keep = keepVersion == null ? null : keepVersion + "-";
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> keep == null || !f.getFileName().toString().startsWith(keep))
                    .forEach(DocumentStore::delete);
        } catch (IOException e) {
            LOG.warnf(e, "Could not list the watermarked copies of document %d", documentId);
        }
    }

    @Scheduled(
            identity = "documents-watermarked-sweep",
            every = "${diemcau.documents.watermarked.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int n = sweep(
                watermarkedRoot(),
                Instant.now(clock),
                config.watermarked().maxAge(),
                config.watermarked().maxSize().asLongValue());
        if (n > 0) LOG.debugf("Swept %d watermarked copies", n);
    }

    /**
     * Deletes the copies under {@code root} not downloaded within {@code maxAge}, then the least
     * recently downloaded until the rest fits in {@code maxBytes} (sparing those of the last
     * minute, which may be on their way out), and the folders left empty. Returns how many went.
     */
    static int sweep(Path root, Instant now, Duration maxAge, long maxBytes) {
        if (!Files.isDirectory(root)) return 0;
        record Copy(Path file, Instant used, long size) {}
        List<Copy> copies = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    if (a.isRegularFile()) {
                        Instant accessed = a.lastAccessTime().toInstant();
                        Instant modified = a.lastModifiedTime().toInstant();
                        copies.add(new Copy(file, accessed.isAfter(modified) ? accessed : modified, a.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // deleted meanwhile
                }
            });
        } catch (IOException e) {
            LOG.warnf(e, "Could not sweep %s", root);
            return 0;
        }
        copies.sort(Comparator.comparing(Copy::used));
        Instant tooOld = now.minus(maxAge);
        Instant recent = now.minus(SWEEP_GRACE);
        long total = copies.stream().mapToLong(Copy::size).sum();
        int deleted = 0;
        for (Copy c : copies) {
            boolean old = c.used().isBefore(tooOld);
            boolean over = total > maxBytes && c.used().isBefore(recent);
            if (!old && !over) continue;
            delete(c.file());
            total -= c.size();
            deleted++;
        }
        // a document's folder once nothing was made in it for maxAge (a fresh one may be about to get a copy)
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isDirectory(d) && modifiedBefore(d, tooOld)).forEach(DocumentStore::deleteIfEmpty);
        } catch (IOException ignored) {
            // folders are tidied on the next sweep
        }
        return deleted;
    }

    private Path watermarkedRoot() {
        return config.dir().resolve("watermarked");
    }

    private Path watermarkedDir(long documentId) {
        return watermarkedRoot().resolve(Long.toString(documentId));
    }

    private static boolean modifiedBefore(Path p, Instant t) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(t);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // not empty: a copy was made meanwhile
        }
    }

    Path tmp() {
        return config.dir().resolve("tmp");
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover is harmless: one in tmp/ holds no row, a copy goes at the next sweep
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(InputStream in, long limit) {
        byte[] buf = new byte[BUFFER];
        long read = 0;
        try {
            int n;
            while (read < 4 * limit && (n = in.read(buf)) >= 0) read += n;
        } catch (IOException ignored) {
            // the client went away; the answer is the same
        }
    }
}

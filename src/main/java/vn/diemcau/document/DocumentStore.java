package vn.diemcau.document;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import vn.diemcau.common.ProblemException;

/**
 * The files on disk. An upload streams into tmp/ while its SHA-256 and size are counted, and only
 * an accepted one is moved to {@code <document id>/<version>}; nothing is ever held whole in memory.
 */
@ApplicationScoped
class DocumentStore {
    private static final int BUFFER = 64 * 1024;

    @Inject
    DocumentsConfig config;

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

    /** Where the watermarked copy of a version for one recipient is kept, so a resumed download gets the same bytes. */
    Path watermarked(long versionId, String recipientKey) {
        return config.dir().resolve("watermarked").resolve(versionId + "-" + recipientKey + ".pdf");
    }

    Path tmp() {
        return config.dir().resolve("tmp");
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover in tmp/ is harmless and holds no row
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

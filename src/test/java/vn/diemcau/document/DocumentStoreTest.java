package vn.diemcau.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep of watermarked copies, on a real directory. */
class DocumentStoreTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    Path root;

    /** A copy of {@code size} bytes last downloaded at {@code used}. */
    private Path copy(String name, int size, Instant used) throws IOException {
        Path f = root.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[size]);
        Files.setLastModifiedTime(f, FileTime.from(used.minusSeconds(60)));
        Files.setAttribute(f, "lastAccessTime", FileTime.from(used));
        return f;
    }

    @Test
    void copiesNotDownloadedWithinTheMaxAgeGoTheRecentStay() throws IOException {
        Path stale = copy("7/1-aaa.pdf", 10, NOW.minus(Duration.ofHours(25)));
        Path fresh = copy("7/1-bbb.pdf", 10, NOW.minus(Duration.ofHours(23)));
        Path oldLayout = copy("12-ccc.pdf", 10, NOW.minus(Duration.ofDays(30)));
        Path partial = copy("8/2-ddd.pdf.part", 10, NOW.minus(Duration.ofDays(2)));

        assertEquals(3, DocumentStore.sweep(root, NOW, Duration.ofHours(24), Long.MAX_VALUE));

        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(oldLayout));
        assertFalse(Files.exists(partial));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.isDirectory(root.resolve("7")));
    }

    @Test
    void pastTheMaxSizeTheLeastRecentlyDownloadedGoFirstButNotThoseOfTheLastMinute() throws IOException {
        Path a = copy("1/1-a.pdf", 100, NOW.minus(Duration.ofMinutes(50)));
        Path b = copy("1/1-b.pdf", 100, NOW.minus(Duration.ofMinutes(40)));
        Path c = copy("2/1-c.pdf", 100, NOW.minus(Duration.ofMinutes(30)));
        Path justServed = copy("2/1-d.pdf", 100, NOW.minusSeconds(5));

        // 400 bytes, 250 allowed: a and b (the oldest) go, c and the one just served stay
        assertEquals(2, DocumentStore.sweep(root, NOW, Duration.ofHours(24), 250));
        assertFalse(Files.exists(a));
        assertFalse(Files.exists(b));
        assertTrue(Files.exists(c));
        assertTrue(Files.exists(justServed));

        // nothing allowed: all but the one of the last minute
        assertEquals(1, DocumentStore.sweep(root, NOW, Duration.ofHours(24), 0));
        assertFalse(Files.exists(c));
        assertTrue(Files.exists(justServed));
    }

    @Test
    void aDocumentsFolderGoesOnceEmptyAndUntouchedForTheMaxAge() throws IOException {
        copy("3/1-a.pdf", 10, NOW.minus(Duration.ofDays(3)));
        Files.setLastModifiedTime(root.resolve("3"), FileTime.from(NOW.minus(Duration.ofDays(3))));
        Files.createDirectories(root.resolve("4"));

        DocumentStore.sweep(root, NOW, Duration.ofHours(24), Long.MAX_VALUE);

        // folder 3 became empty (its mtime is now): kept until the next sweep past the max age
        assertTrue(Files.isDirectory(root.resolve("3")));
        Files.setLastModifiedTime(root.resolve("3"), FileTime.from(NOW.minus(Duration.ofDays(2))));
        DocumentStore.sweep(root, NOW, Duration.ofHours(24), Long.MAX_VALUE);
        assertFalse(Files.exists(root.resolve("3")));
        // a folder just made (a copy on its way) stays
        assertTrue(Files.isDirectory(root.resolve("4")));
    }

    @Test
    void nothingToSweepWhenThereIsNoFolderYet() {
        assertEquals(0, DocumentStore.sweep(root.resolve("missing"), NOW, Duration.ZERO, 0));
    }
}

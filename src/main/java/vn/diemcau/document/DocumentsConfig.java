package vn.diemcau.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "diemcau.documents")
public interface DocumentsConfig {
    /** Where the files live (DIEMCAU_DOCUMENTS_DIR): <document id>/<version>, plus tmp/ and watermarked/. */
    @WithDefault("data/documents")
    Path dir();

    /** Largest file accepted (DIEMCAU_DOCUMENTS_MAX_SIZE); the HTTP body limit must be a little above it. */
    @WithDefault("100M")
    MemorySize maxSize();

    /**
     * How long an instance trusts what it read of a document for downloads (DIEMCAU_DOCUMENTS_ACCESS_CACHE):
     * its own changes apply at once, another instance's within this time; 0 reads it on every download.
     */
    @WithDefault("5s")
    Duration accessCache();

    /** The personal copies of confidential PDFs, a cache under watermarked/ swept by {@code DocumentStore}. */
    Watermarked watermarked();

    interface Watermarked {
        /** A copy nobody downloaded for this long is deleted (DIEMCAU_DOCUMENTS_WATERMARKED_MAX_AGE). */
        @WithDefault("24h")
        Duration maxAge();

        /**
         * Largest total size of the copies (DIEMCAU_DOCUMENTS_WATERMARKED_MAX_SIZE); past it the least
         * recently downloaded go first.
         */
        @WithDefault("2G")
        MemorySize maxSize();

        /** How often the sweep runs (DIEMCAU_DOCUMENTS_WATERMARKED_SWEEP_EVERY). */
        @WithDefault("15m")
        Duration sweepEvery();
    }
}

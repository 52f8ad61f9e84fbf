package vn.diemcau.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "diemcau.documents")
public interface DocumentsConfig {
    /** Where the files live (DIEMCAU_DOCUMENTS_DIR): <document id>/<version>, plus tmp/ and watermarked/. */
    @WithDefault("data/documents")
    Path dir();

    /** Largest file accepted (DIEMCAU_DOCUMENTS_MAX_SIZE); the HTTP body limit must be a little above it. */
    @WithDefault("100M")
    MemorySize maxSize();
}

package vn.diemcau.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kinds of file a document may be, told from the content (never from the name): PDF by
 * "%PDF-", PNG and JPEG by their signatures, the Office formats as ZIP packages holding
 * [Content_Types].xml and their main part.
 */
enum FileType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg");

    final String mediaType;
    private final String[] extensions;

    FileType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /** Whether a file name's extension is one this type is known by. */
    boolean matchesName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return false;
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.asList(extensions).contains(ext);
    }

    static Optional<FileType> ofMediaType(String mediaType) {
        return Arrays.stream(values())
                .filter(t -> t.mediaType.equals(mediaType))
                .findFirst();
    }

    /** The type of the file's content, or empty when it is none of ours. */
    static Optional<FileType> sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 5 && startsWith(head, '%', 'P', 'D', 'F', '-')) return Optional.of(PDF);
        if (n >= 8 && startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (n >= 3 && startsWith(head, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (n >= 4 && startsWith(head, 'P', 'K', 3, 4)) return office(file);
        return Optional.empty();
    }

    private static Optional<FileType> office(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) return Optional.empty();
            if (has(zip, "word/document.xml")) return Optional.of(DOCX);
            if (has(zip, "xl/workbook.xml")) return Optional.of(XLSX);
            if (has(zip, "ppt/presentation.xml")) return Optional.of(PPTX);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a broken ZIP is no Office file
        }
    }

    private static boolean has(ZipFile zip, String name) {
        ZipEntry e = zip.getEntry(name);
        return e != null && !e.isDirectory();
    }

    private static boolean startsWith(byte[] head, int... signature) {
        for (int i = 0; i < signature.length; i++) if ((head[i] & 0xFF) != signature[i]) return false;
        return true;
    }
}

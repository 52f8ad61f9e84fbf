package vn.diemcau.common;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Content-Disposition of every file the service hands out, built in one place so a
 * Vietnamese name ("Báo cáo điểm danh – Hội nghị tập huấn.xlsx") reaches the browser intact:
 * the exact name in {@code filename*} (RFC 6266 with the RFC 8187 encoding, read by every current
 * browser) and an ASCII fallback without diacritics in {@code filename} for the rest.
 */
public final class Downloads {
    /** Used when nothing of a name is left after cleaning ("tải xuống"). */
    static final String FALLBACK = "tai-xuong";
    /** Longest name sent, in UTF-8 bytes: under the 255 of common file systems, with room for "(1)". */
    static final int MAX_BYTES = 200;

    private static final String SEPARATOR = " – ";
    /** Controls, and format characters such as U+202E, which would let "abc\u202Efdp.exe" pose as a PDF. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    /** Not allowed in a file name on Windows; replaced everywhere, so a saved file is named alike on every system. */
    private static final Pattern RESERVED = Pattern.compile("[:*?\"<>|]");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Downloads() {}

    /** {@code attachment; filename="…"; filename*=UTF-8''…}: the browser saves the file under that name. */
    public static String attachment(String fileName) {
        return disposition("attachment", fileName);
    }

    /** {@code inline; …}: the browser shows the file, and saves it under that name if asked. */
    public static String inline(String fileName) {
        return disposition("inline", fileName);
    }

    /**
     * A download's name from its parts, the blank ones left out: {@code name("xlsx", "Báo cáo điểm
     * danh", "Hội nghị X")} is "Báo cáo điểm danh – Hội nghị X.xlsx".
     */
    public static String name(String extension, String... parts) {
        String base = Arrays.stream(parts)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.joining(SEPARATOR));
        return base + "." + extension;
    }

    private static String disposition(String type, String fileName) {
        String name = clean(fileName);
        return type + "; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    /**
     * What the name becomes on disk: NFC, no invisible characters, no path, no character a file
     * system refuses, one space at a time, at most {@link #MAX_BYTES} bytes (the extension kept),
     * and never empty.
     */
    static String clean(String fileName) {
        String s = Text.clean(fileName); // NFC, one plain space at a time
        if (s == null) return FALLBACK;
        s = INVISIBLE.matcher(s).replaceAll("");
        s = RESERVED.matcher(s.replace('/', '-').replace('\\', '-')).replaceAll("_");
        s = trim(s);
        if (s.isEmpty()) return FALLBACK;
        if (s.startsWith(".")) s = FALLBACK + s;
        return shorten(s);
    }

    /** Cuts the part before the extension, on a character boundary, until the whole fits. */
    private static String shorten(String s) {
        if (utf8(s) <= MAX_BYTES) return s;
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 10 && s.indexOf(' ', dot) < 0 ? s.substring(dot) : "";
        String stem = s.substring(0, s.length() - ext.length());
        int budget = MAX_BYTES - utf8(ext);
        int end = 0;
        int bytes = 0;
        while (end < stem.length()) {
            int cp = stem.codePointAt(end);
            int n = utf8(new String(Character.toChars(cp)));
            if (bytes + n > budget) break;
            bytes += n;
            end += Character.charCount(cp);
        }
        String cut = trim(stem.substring(0, end)).replaceAll("[ –-]+$", "");
        return (cut.isEmpty() ? FALLBACK : cut) + ext;
    }

    /** Spaces and dots off both ends (Windows drops trailing dots, and a name of dots is none). */
    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') from++;
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '.')) to--;
        String t = s.substring(from, to);
        return t.chars().allMatch(c -> c == '.') ? "" : t;
    }

    /** The fallback for old clients: Vietnamese without marks, dashes and quotes plain, the rest '_'. */
    static String ascii(String name) {
        String s = name.replace('đ', 'd').replace('Đ', 'D').replace('–', '-').replace('—', '-');
        s = s.replace('‘', '\'').replace('’', '\'');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            // '%' too: some clients percent-decode the plain filename parameter
            boolean plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%';
            b.append(plain ? (char) c : '_');
        });
        return b.toString();
    }

    /** RFC 8187 value: UTF-8, every byte outside attr-char percent-encoded (URLEncoder would leave '*' and use '+'). */
    static String encode(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (attrChar(c)) b.append((char) c);
            else
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
        return b.toString();
    }

    private static boolean attrChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

package vn.diemcau.common;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese-aware text handling: diacritic folding for search, the name order for sorting. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /*
     * Any Unicode space, not only ASCII: names pasted from Word or Excel carry no-break spaces
     * (U+00A0), and a zero-width space or a stray BOM must not end up inside a name either.
     */
    private static final Pattern SPACES = Pattern.compile("[\\p{IsWhite_Space}\\u200B\\uFEFF]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private Text() {}

    /** Trims, collapses inner whitespace and puts the text in NFC, so "Nguyễn" typed two ways is one. */
    public static String clean(String s) {
        if (s == null) return null;
        String t = SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
        return t.isEmpty() ? null : t;
    }

    /** For multi-line free text (notes): NFC and trimmed, line breaks kept (CRLF becomes LF); blank → null. */
    public static String cleanLines(String s) {
        if (s == null || clean(s) == null) return null;
        return LINE_BREAK
                .matcher(Normalizer.normalize(s, Normalizer.Form.NFC).strip())
                .replaceAll("\n");
    }

    /** "Nguyễn Hữu Quất" → "nguyen huu quat": what search compares, so typing without marks finds it. */
    public static String fold(String s) {
        if (s == null) return "";
        // Ð/ð (U+00D0/U+00F0) stand in for Đ/đ in text converted from old VNI/TCVN3 fonts.
        String lower = s.toLowerCase(VI).replace('đ', 'd').replace('ð', 'd');
        String stripped =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(stripped).replaceAll(" ").strip();
    }

    /** The given name: the last word of a Vietnamese full name. */
    public static String givenName(String fullName) {
        String c = clean(fullName);
        if (c == null) return "";
        int i = c.lastIndexOf(' ');
        return i < 0 ? c : c.substring(i + 1);
    }

    /**
     * Vietnamese name order: by given name (the last word), then by the rest, each compared with
     * the Vietnamese collation (a < ă < â, d < đ, tones after the bare letter).
     */
    public static final Comparator<String> NAME_ORDER = (a, b) -> {
        Collator c = collator();
        int r = c.compare(givenName(a), givenName(b));
        if (r != 0) return r;
        return c.compare(nullToEmpty(clean(a)), nullToEmpty(clean(b)));
    };

    /**
     * A byte key whose binary order is {@link #NAME_ORDER}: stored beside a name, it lets the
     * database sort the Vietnamese way with a plain ORDER BY.
     */
    public static byte[] nameSortKey(String fullName) {
        String c = nullToEmpty(clean(fullName));
        Collator collator = collator();
        byte[] given = collator.getCollationKey(givenName(c)).toByteArray();
        byte[] full = collator.getCollationKey(c).toByteArray();
        // Two zero bytes end the given-name part: they sort below any weight, so "An" precedes "Anh".
        byte[] key = new byte[given.length + 2 + full.length];
        System.arraycopy(given, 0, key, 0, given.length);
        System.arraycopy(full, 0, key, given.length + 2, full.length);
        return key;
    }

    /** The Vietnamese collator of this thread: building one per comparison made large sorts slow. */
    public static Collator collator() {
        return COLLATOR.get();
    }

    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator c = Collator.getInstance(VI);
        c.setStrength(Collator.TERTIARY);
        return c;
    });

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

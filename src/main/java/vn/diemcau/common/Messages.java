package vn.diemcau.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing texts in Vietnamese (default) and English, from messages_vi/messages_en. */
public final class Messages {
    public static final Locale VI = Locale.forLanguageTag("vi");
    public static final Locale EN = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /** Picks vi or en from the client's preferences; Vietnamese unless English is preferred. */
    public static Locale pick(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            if ("vi".equals(l.getLanguage())) return VI;
            if ("en".equals(l.getLanguage())) return EN;
        }
        return VI;
    }

    /** Picks vi or en from an Accept-Language header (absent or malformed: Vietnamese). */
    public static Locale pick(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return VI;
        try {
            return pick(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange()))
                    .toList());
        } catch (IllegalArgumentException e) {
            return VI;
        }
    }

    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", EN.equals(locale) ? EN : VI, NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
        if (args.length == 0) return pattern;
        // Whole numbers are mostly ids and codes here: "987654321", never "987,654,321".
        // A placeholder with its own format ({0,number,...}) keeps the number.
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            if ((plain[i] instanceof Long || plain[i] instanceof Integer) && pattern.contains("{" + i + "}")) {
                plain[i] = plain[i].toString();
            }
        }
        return new MessageFormat(pattern, locale).format(plain);
    }

    /** Like {@link #get} but never null: falls back to the key itself so a missing text is visible. */
    public static String text(Locale locale, String key, Object... args) {
        String s = get(locale, key, args);
        return s == null ? key : s;
    }
}

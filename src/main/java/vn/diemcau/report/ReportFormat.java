package vn.diemcau.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.diemcau.common.ClockProducer;

/** How cells read in both documents: times in Asia/Ho_Chi_Minh, numbers Vietnamese style in the PDF. */
final class ReportFormat {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ClockProducer.ZONE);

    private ReportFormat() {}

    static String text(Object cell) {
        if (cell == null) return "";
        if (cell instanceof Instant i) return TIME.format(i);
        if (cell instanceof Double || cell instanceof Float)
            return String.format(Locale.forLanguageTag("vi"), "%,.2f", ((Number) cell).doubleValue());
        if (cell instanceof Number n) return String.format(Locale.forLanguageTag("vi"), "%,d", n.longValue());
        return cell.toString();
    }
}

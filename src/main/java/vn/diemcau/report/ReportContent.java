package vn.diemcau.report;

import java.util.List;

/**
 * What a section prints: a heading, short paragraphs, then tables. Table cells are {@code String},
 * {@code Number} (a number cell in the XLSX), {@code java.time.Instant} (shown in
 * Asia/Ho_Chi_Minh) or null.
 */
public record ReportContent(String title, List<String> notes, List<Table> tables) {
    /** A table row; cells may be null (an empty cell). */
    public static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    public record Table(String name, List<Column> columns, List<List<Object>> rows) {}

    public record Column(String header, float weight, boolean number) {
        public static Column text(String header, float weight) {
            return new Column(header, weight, false);
        }

        public static Column number(String header, float weight) {
            return new Column(header, weight, true);
        }
    }
}

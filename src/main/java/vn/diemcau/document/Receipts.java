package vn.diemcau.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.diemcau.common.ClockProducer;
import vn.diemcau.common.Text;

/** Who has and who has not received a document, per point: on screen and as CSV or XLSX. */
public record Receipts(long documentId, String title, int expected, int received, List<Row> rows) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ClockProducer.ZONE);
    static final List<String> HEADERS = List.of(
            "Điểm cầu", "Họ và tên", "Đơn vị", "Vai trò", "Đã nhận", "Lần đầu", "Lần cuối", "Phiên bản", "Số lần tải");

    public record Row(
            Long pointId,
            String pointName,
            String name,
            String unit,
            String role,
            boolean received,
            Instant firstAt,
            Instant lastAt,
            List<Integer> versions,
            int downloads) {
        static Row of(
                Long pointId,
                String pointName,
                String name,
                String unit,
                String role,
                List<Download> got,
                Map<Long, Integer> numbers) {
            return new Row(
                    pointId,
                    pointName,
                    name,
                    unit,
                    role,
                    !got.isEmpty(),
                    got.stream()
                            .map(x -> x.startedAt)
                            .min(Comparator.naturalOrder())
                            .orElse(null),
                    got.stream()
                            .map(x -> x.lastAt)
                            .max(Comparator.naturalOrder())
                            .orElse(null),
                    List.copyOf(new TreeSet<>(got.stream()
                            .map(x -> numbers.get(x.versionId))
                            .filter(Objects::nonNull)
                            .toList())),
                    got.size());
        }

        List<String> cells() {
            return List.of(
                    Objects.toString(pointName, ""),
                    name,
                    Objects.toString(unit, ""),
                    role,
                    received ? "Đã nhận" : "Chưa nhận",
                    firstAt == null ? "" : TIME.format(firstAt),
                    lastAt == null ? "" : TIME.format(lastAt),
                    String.join(", ", versions.stream().map(String::valueOf).toList()),
                    Integer.toString(downloads));
        }
    }

    static Receipts of(long documentId, String title, List<Row> rows) {
        var collator = Text.collator();
        List<Row> sorted = rows.stream()
                .sorted(Comparator.comparing((Row r) -> r.pointName == null)
                        .thenComparing(r -> Objects.toString(r.pointName, ""), collator)
                        .thenComparing(r -> r.name, Text.NAME_ORDER))
                .toList();
        int expected =
                (int) sorted.stream().filter(r -> "participant".equals(r.role)).count();
        int received = (int) sorted.stream()
                .filter(r -> "participant".equals(r.role) && r.received)
                .count();
        return new Receipts(documentId, title, expected, received, sorted);
    }

    /** UTF-8 with a BOM, so Excel opens the Vietnamese names right. */
    void writeCsv(OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT);
            csv.printRecord(HEADERS);
            for (Row r : rows) csv.printRecord(r.cells());
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeXlsx(OutputStream out) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("Tiếp nhận tài liệu");
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Cells.cell(sheet.createRow(0), 0, title, bold);
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(2);
            for (int i = 0; i < HEADERS.size(); i++) Cells.cell(header, i, HEADERS.get(i), bold);
            int n = 3;
            for (Row r : rows) {
                org.apache.poi.ss.usermodel.Row line = sheet.createRow(n++);
                List<String> cells = r.cells();
                for (int i = 0; i < cells.size(); i++) Cells.cell(line, i, cells.get(i), null);
            }
            for (int i = 0; i < HEADERS.size(); i++)
                sheet.setColumnWidth(i, i == 1 || i == 2 || i == 0 ? 30 * 256 : 16 * 256);
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Cells {
        static void cell(org.apache.poi.ss.usermodel.Row row, int i, String value, CellStyle style) {
            Cell c = row.createCell(i);
            c.setCellValue(value);
            if (style != null) c.setCellStyle(style);
        }
    }
}

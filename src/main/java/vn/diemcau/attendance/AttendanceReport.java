package vn.diemcau.attendance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.diemcau.common.ClockProducer;
import vn.diemcau.common.Pdf;
import vn.diemcau.common.Text;
import vn.diemcau.session.Session;

/**
 * The official attendance report of a session (biên bản / báo cáo điểm danh): per point and in
 * total, then the named list of every point with each delegate's status, names in Vietnamese
 * order. Written in Vietnamese, the language of the official record; times in Asia/Ho_Chi_Minh.
 */
public record AttendanceReport(
        String sessionTitle, Instant generatedAt, List<PointSection> points, AttendanceCounts.Tally total) {

    public record Line(
            long delegateId,
            String fullName,
            String position,
            String unitName,
            AttendanceStatus status,
            CheckInMethod method,
            Instant at,
            String substituteName,
            String substitutePosition,
            String absenceReason) {
        /** The status as the report prints it. */
        String statusText() {
            return switch (status) {
                case NOT_YET -> "Chưa điểm danh";
                case ABSENT -> "Vắng có lý do";
                case PRESENT ->
                    substituteName != null
                            ? "Có mặt (dự thay)"
                            : method == CheckInMethod.WALK_IN ? "Có mặt (phát sinh)" : "Có mặt";
            };
        }

        String note() {
            if (status == AttendanceStatus.ABSENT) return nz(absenceReason);
            if (substituteName != null)
                return "Người dự thay: " + substituteName
                        + (substitutePosition == null ? "" : " – " + substitutePosition);
            return "";
        }

        String methodText() {
            if (method == null || status != AttendanceStatus.PRESENT) return "";
            return switch (method) {
                case QR -> "Quét mã QR";
                case LINK -> "Link mời";
                case OPERATOR -> "Cán bộ điểm cầu";
                case WALK_IN -> "Phát sinh";
            };
        }
    }

    public record PointSection(
            Long pointId, String name, AttendanceCounts.Tally tally, Integer roomCount, List<Line> lines) {
        long count(AttendanceStatus s) {
            return lines.stream().filter(l -> l.status == s).count();
        }

        long substitutes() {
            return lines.stream()
                    .filter(l -> l.status == AttendanceStatus.PRESENT && l.substituteName != null)
                    .count();
        }
    }

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ClockProducer.ZONE);

    /**
     * {@code rows}: delegate id, name, position, unit, assigned point, check-in (or null). A
     * delegate is listed at the point where they were checked in, else at their assigned one.
     */
    static AttendanceReport of(
            Session s, AttendanceCounts counts, List<Object[]> rows, Set<Long> visible, Instant now) {
        Map<Long, List<Line>> byPoint = new LinkedHashMap<>();
        List<Line> unassigned = new ArrayList<>();
        for (Object[] r : rows) {
            CheckIn c = (CheckIn) r[5];
            Long point = c != null && c.pointId != null ? c.pointId : (Long) r[4];
            Line line = new Line(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    c == null ? AttendanceStatus.NOT_YET : c.status,
                    c == null ? null : c.method,
                    c == null ? null : c.recordedAt,
                    c == null ? null : c.substituteName,
                    c == null ? null : c.substitutePosition,
                    c == null ? null : c.absenceReason);
            if (point == null) unassigned.add(line);
            else byPoint.computeIfAbsent(point, k -> new ArrayList<>()).add(line);
        }
        Comparator<Line> order =
                Comparator.comparing(Line::fullName, Text.NAME_ORDER).thenComparingLong(Line::delegateId);
        List<PointSection> sections = new ArrayList<>();
        AttendanceCounts.Tally total = AttendanceCounts.Tally.ZERO;
        for (var p : counts.points()) {
            if (visible != null && !visible.contains(p.pointId())) continue;
            List<Line> lines = new ArrayList<>(byPoint.getOrDefault(p.pointId(), List.of()));
            lines.sort(order);
            sections.add(new PointSection(p.pointId(), p.name(), p.tally(), p.roomCount(), lines));
            total = total.plus(p.tally());
        }
        if (visible == null && !unassigned.isEmpty()) {
            unassigned.sort(order);
            sections.add(new PointSection(null, "Chưa xếp điểm cầu", AttendanceCounts.Tally.ZERO, null, unassigned));
        }
        return new AttendanceReport(s.title, now, sections, total);
    }

    static final List<String> SUMMARY_HEADERS = List.of(
            "Điểm cầu",
            "Dự kiến",
            "Trong danh sách",
            "Có mặt",
            "Dự thay",
            "Phát sinh",
            "Vắng có lý do",
            "Chưa điểm danh",
            "Số người trong phòng");

    static final List<String> LIST_HEADERS = List.of(
            "STT", "Điểm cầu", "Họ và tên", "Chức vụ", "Đơn vị", "Trạng thái", "Hình thức", "Thời gian", "Ghi chú");

    List<List<String>> summaryRows() {
        List<List<String>> out = new ArrayList<>();
        long present = 0, subs = 0, walk = 0, absent = 0, notYet = 0, listed = 0;
        int room = 0;
        for (PointSection p : points) {
            long pr = p.count(AttendanceStatus.PRESENT);
            long su = p.substitutes();
            long wi = p.lines.stream()
                    .filter(l -> l.status == AttendanceStatus.PRESENT && l.method == CheckInMethod.WALK_IN)
                    .count();
            long ab = p.count(AttendanceStatus.ABSENT);
            long ny = p.count(AttendanceStatus.NOT_YET);
            out.add(List.of(
                    p.name,
                    String.valueOf(p.tally.expected()),
                    String.valueOf(p.lines.size()),
                    String.valueOf(pr),
                    String.valueOf(su),
                    String.valueOf(wi),
                    String.valueOf(ab),
                    String.valueOf(ny),
                    p.roomCount == null ? "" : String.valueOf(p.roomCount)));
            present += pr;
            subs += su;
            walk += wi;
            absent += ab;
            notYet += ny;
            listed += p.lines.size();
            room += p.roomCount == null ? 0 : p.roomCount;
        }
        out.add(List.of(
                "Tổng cộng",
                String.valueOf(total.expected()),
                String.valueOf(listed),
                String.valueOf(present),
                String.valueOf(subs),
                String.valueOf(walk),
                String.valueOf(absent),
                String.valueOf(notYet),
                String.valueOf(room)));
        return out;
    }

    List<List<String>> listRows() {
        List<List<String>> out = new ArrayList<>();
        for (PointSection p : points) {
            int i = 1;
            for (Line l : p.lines) {
                out.add(List.of(
                        String.valueOf(i++),
                        p.name,
                        l.fullName,
                        nz(l.position),
                        nz(l.unitName),
                        l.statusText(),
                        l.methodText(),
                        l.at == null ? "" : TIME.format(l.at),
                        l.note()));
            }
        }
        return out;
    }

    private String heading() {
        return "BÁO CÁO ĐIỂM DANH ĐẠI BIỂU";
    }

    private String generated() {
        return "Lập lúc " + TIME.format(generatedAt);
    }

    /** UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly. */
    byte[] csv() {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, List.of(heading() + ": " + sessionTitle));
        line(b, List.of(generated()));
        b.append("\r\n");
        line(b, SUMMARY_HEADERS);
        summaryRows().forEach(r -> line(b, r));
        b.append("\r\n");
        line(b, LIST_HEADERS);
        listRows().forEach(r -> line(b, r));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            String c = cells.get(i);
            // a leading =,+,-,@ would make Excel evaluate a formula from a delegate's name
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) c = "'" + c;
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r"))
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            b.append(c);
        }
        b.append("\r\n");
    }

    byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Sheet summary = wb.createSheet("Tổng hợp");
            int r = 0;
            cells(summary.createRow(r++), List.of(heading() + ": " + sessionTitle), bold);
            cells(summary.createRow(r++), List.of(generated()), null);
            r++;
            cells(summary.createRow(r++), SUMMARY_HEADERS, bold);
            for (List<String> row : summaryRows()) cells(summary.createRow(r++), row, null, 1);
            Sheet list = wb.createSheet("Danh sách");
            r = 0;
            cells(list.createRow(r++), LIST_HEADERS, bold);
            for (List<String> row : listRows()) cells(list.createRow(r++), row, null, 0);
            for (int i = 0; i < SUMMARY_HEADERS.size(); i++) summary.setColumnWidth(i, i == 0 ? 40 * 256 : 14 * 256);
            int[] widths = {6, 30, 28, 26, 30, 18, 16, 18, 40};
            for (int i = 0; i < widths.length; i++) list.setColumnWidth(i, widths[i] * 256);
            list.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cells(Row row, List<String> values, CellStyle style) {
        cells(row, values, style, Integer.MAX_VALUE);
    }

    /** Columns from {@code numbersFrom} on are numbers when they read as one (Excel can sum them). */
    private static void cells(Row row, List<String> values, CellStyle style, int numbersFrom) {
        for (int i = 0; i < values.size(); i++) {
            Cell c = row.createCell(i);
            String v = values.get(i);
            if (i >= numbersFrom && v.matches("\\d{1,9}")) c.setCellValue(Integer.parseInt(v));
            else c.setCellValue(v);
            if (style != null) c.setCellStyle(style);
        }
    }

    byte[] pdf() {
        try (Pdf pdf = Pdf.a4Landscape(heading() + " – " + sessionTitle)) {
            pdf.heading(heading());
            pdf.subheading(sessionTitle);
            pdf.text(generated());
            pdf.gap(8);
            List<Pdf.Column> sc = new ArrayList<>();
            sc.add(Pdf.Column.left(SUMMARY_HEADERS.get(0), 4));
            for (String h : SUMMARY_HEADERS.subList(1, SUMMARY_HEADERS.size())) sc.add(Pdf.Column.right(h, 1.3f));
            pdf.table(sc, summaryRows());
            for (PointSection p : points) {
                pdf.gap(10);
                pdf.subheading(p.name);
                List<List<String>> rows = new ArrayList<>();
                int i = 1;
                for (Line l : p.lines) {
                    rows.add(List.of(
                            String.valueOf(i++),
                            l.fullName,
                            nz(l.position),
                            nz(l.unitName),
                            l.statusText(),
                            l.at == null ? "" : TIME.format(l.at),
                            l.note()));
                }
                if (rows.isEmpty()) pdf.text("Không có đại biểu trong danh sách.");
                else
                    pdf.table(
                            List.of(
                                    Pdf.Column.right("STT", 0.6f),
                                    Pdf.Column.left("Họ và tên", 3),
                                    Pdf.Column.left("Chức vụ", 3),
                                    Pdf.Column.left("Đơn vị", 3),
                                    Pdf.Column.left("Trạng thái", 2),
                                    Pdf.Column.left("Thời gian", 2),
                                    Pdf.Column.left("Ghi chú", 3)),
                            rows);
            }
            return pdf.toBytes();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package vn.diemcau.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as a workbook: a first sheet with the sections' notes, then one sheet per table.
 * Numbers are number cells; times are text in Asia/Ho_Chi_Minh, as printed.
 */
final class ReportXlsx {
    private ReportXlsx() {}

    static byte[] render(Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Set<String> names = new HashSet<>();
            Sheet summary = wb.createSheet(name("Tổng quan", names));
            int line = 0;
            cell(summary.createRow(line++), 0, "Báo cáo tổng hợp hội nghị", bold);
            cell(summary.createRow(line++), 0, r.sessionTitle(), null);
            cell(summary.createRow(line++), 0, "Lập lúc " + ReportFormat.TIME.format(r.generatedAt()), null);
            int n = 1;
            for (ReportContent s : r.sections()) {
                line++;
                cell(summary.createRow(line++), 0, n++ + ". " + s.title(), bold);
                for (String note : s.notes()) cell(summary.createRow(line++), 0, note, null);
                for (ReportContent.Table t : s.tables()) {
                    String sheetName = name(t.name(), names);
                    cell(summary.createRow(line++), 0, "→ Trang tính „" + sheetName + "”", null);
                    table(wb.createSheet(sheetName), t, bold);
                }
            }
            summary.setColumnWidth(0, 120 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(Sheet sheet, ReportContent.Table t, CellStyle bold) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < t.columns().size(); i++) {
            cell(header, i, t.columns().get(i).header(), bold);
            sheet.setColumnWidth(
                    i, Math.min(60, Math.max(10, (int) (t.columns().get(i).weight() * 8))) * 256);
        }
        int r = 1;
        for (List<Object> row : t.rows()) {
            Row x = sheet.createRow(r++);
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v == null) continue;
                if (v instanceof Number num) x.createCell(i).setCellValue(num.doubleValue());
                else if (v instanceof Instant at) x.createCell(i).setCellValue(ReportFormat.TIME.format(at));
                else x.createCell(i).setCellValue(v.toString());
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) c.setCellStyle(style);
    }

    /** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
    private static String name(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Bảng" : wanted);
        String n = base;
        for (int i = 2; !taken.add(n.toLowerCase()); i++) {
            String suffix = " (" + i + ")";
            n = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return n;
    }
}

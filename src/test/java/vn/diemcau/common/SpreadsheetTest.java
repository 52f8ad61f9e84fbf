package vn.diemcau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetTest {
    static final Map<String, List<String>> UNIT_COLUMNS = new LinkedHashMap<>();

    static {
        UNIT_COLUMNS.put("code", List.of("Mã đơn vị", "Mã"));
        UNIT_COLUMNS.put("name", List.of("Tên đơn vị"));
        UNIT_COLUMNS.put("level", List.of("Cấp"));
        UNIT_COLUMNS.put("parentCode", List.of("Mã đơn vị cấp trên"));
    }

    static final Set<String> REQUIRED = Set.of("name", "level");

    static Spreadsheet.Table read(byte[] content) {
        return Spreadsheet.read("don-vi.xlsx", content, UNIT_COLUMNS, REQUIRED);
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook as offices send it: merged title rows, a blank row, marked headers, merged cells in the data. */
    static byte[] officeWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Hướng dẫn").createRow(0).createCell(0).setCellValue("Điền danh sách ở trang sau");
            wb.setSheetHidden(0, true);
            Sheet s = wb.createSheet("Danh sách");
            s.createRow(0).createCell(0).setCellValue("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            s.createRow(1).createCell(0).setCellValue("DANH SÁCH ĐƠN VỊ (Mã, Tên, Cấp)");
            s.addMergedRegion(new CellRangeAddress(1, 1, 0, 3));
            // row 3 left blank
            Row h = s.createRow(3);
            h.createCell(0).setCellValue("MÃ ĐƠN VỊ (*)");
            h.createCell(1).setCellValue("Tên   đơn vị:");
            h.createCell(2).setCellValue("cap");
            h.createCell(3).setCellValue("Mã đơn vị\ncấp trên");
            h.createCell(4).setCellValue("Ghi chú");
            row(s, 4, "QT", "Tỉnh Quảng Trị", "Tỉnh", null);
            s.createRow(5).createCell(0).setCellValue("I. CÁC HUYỆN");
            s.addMergedRegion(new CellRangeAddress(5, 5, 0, 3));
            row(s, 6, "GL", "  Huyện   Gio Linh ", "Huyện", "QT");
            row(s, 7, "CL", "Huyện Cam Lộ", "Huyện", null);
            // "QT" merged down rows 7..8: both rows have it as parent
            s.addMergedRegion(new CellRangeAddress(6, 7, 3, 3));
            Row numeric = s.createRow(9); // row 9 blank, row 10 numeric code and a formula
            numeric.createCell(0).setCellValue(1001);
            numeric.createCell(1).setCellFormula("\"Xã \"&\"Gio Mỹ\"");
            numeric.createCell(2).setCellValue("Xã");
            numeric.createCell(3).setCellValue("GL");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void row(Sheet s, int r, String... values) {
        Row row = s.createRow(r);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) row.createCell(c).setCellValue(values[c]);
        }
    }

    static ProblemException problem(byte[] content) {
        return assertThrows(ProblemException.class, () -> read(content));
    }

    @Test
    void readsAnOfficeWorkbookWithTitleRowsAndMergedCells() throws IOException {
        Spreadsheet.Table t = read(officeWorkbook());
        assertEquals("Danh sách", t.sheet());
        assertEquals(4, t.headerRow());
        assertEquals(
                List.of("code", "name", "level", "parentCode"),
                List.copyOf(t.columns().keySet()));
        assertEquals("MÃ ĐƠN VỊ (*)", t.columns().get("code"));
        assertEquals("Mã đơn vị cấp trên", t.columns().get("parentCode"));
        List<Spreadsheet.Line> lines = t.lines();
        assertEquals(
                List.of(5, 7, 8, 10), lines.stream().map(Spreadsheet.Line::line).toList());
        assertEquals(
                Map.of("code", "QT", "name", "Tỉnh Quảng Trị", "level", "Tỉnh"),
                lines.get(0).values());
        assertEquals("Huyện Gio Linh", lines.get(1).get("name"));
        assertEquals("QT", lines.get(1).get("parentCode"));
        assertEquals("QT", lines.get(2).get("parentCode"), "a value merged down is read in every row");
        assertEquals("1001", lines.get(3).get("code"));
        assertEquals("Xã Gio Mỹ", lines.get(3).get("name"), "formulas read as Excel shows them");
        assertNull(lines.get(0).get("parentCode"));
    }

    @Test
    void readsCsvWithBomSemicolonsTitleAndBlankLines() {
        String text = "\uFEFFDANH SÁCH ĐƠN VỊ;;;\n"
                + "\n"
                + "Mã đơn vị;Tên đơn vị;Cấp;Mã đơn vị cấp trên\n"
                + "QT;Tỉnh Quảng Trị;Tỉnh;\n"
                + ";;;\n"
                + "GL;\"Huyện Gio Linh; cũ\";Huyện;QT\r\n"
                + "CL;\"Huyện\nCam Lộ\";Huyện;QT\n"
                + "XA;Xã A;Xã;CL";
        Spreadsheet.Table t = read(csv(text));
        assertNull(t.sheet());
        assertEquals(3, t.headerRow());
        assertEquals(
                List.of(4, 6, 7, 9),
                t.lines().stream().map(Spreadsheet.Line::line).toList());
        assertEquals("Huyện Gio Linh; cũ", t.lines().get(1).get("name"));
        assertEquals("Huyện Cam Lộ", t.lines().get(2).get("name"), "line breaks inside a cell become spaces");
    }

    @Test
    void readsCommaCsvWhoseTitleContainsSemicolonsAndHeadersWithoutDiacritics() {
        String text =
                "Danh sach; nam 2026\n" + "STT,ma don vi,TEN DON VI,cấp\n" + "1,QT,\"Tỉnh Quảng Trị, mới\",PROVINCE\n";
        Spreadsheet.Table t = read(csv(text));
        assertEquals(2, t.headerRow());
        assertEquals("Tỉnh Quảng Trị, mới", t.lines().get(0).get("name"));
        assertEquals("PROVINCE", t.lines().get(0).get("level"));
        assertFalse(t.columns().containsKey("parentCode"), "absent optional columns are simply not there");
    }

    @Test
    void decomposedVietnameseIsNormalised() {
        String decomposed =
                java.text.Normalizer.normalize("Tên đơn vị,Cấp\nXã Triệu Phong,Xã\n", java.text.Normalizer.Form.NFD);
        Spreadsheet.Table t = read(csv(decomposed));
        assertEquals("Xã Triệu Phong", t.lines().get(0).get("name"));
    }

    @Test
    void previewAndRequireValidCarryRowErrorsInTheCallersLanguage() {
        Spreadsheet.Table t = read(csv("Tên đơn vị,Cấp\nA,Xã\nB,Thôn\nC,Xã\n"));
        Spreadsheet.Line bad = t.lines().get(1);
        bad.error("import.row", 99);
        t.lines().get(2).warn("import.too-large", 5);
        ImportPreview p = t.preview(Messages.EN);
        assertEquals(3, p.total());
        assertEquals(2, p.valid());
        assertEquals(1, p.invalid());
        assertEquals(1, p.warningCount());
        assertFalse(p.ok());
        assertEquals(3, p.rows().get(1).row());
        assertEquals(List.of("row 99"), p.rows().get(1).errors());
        assertEquals(
                List.of("The file is too large: at most 5 MB."), p.rows().get(2).warnings());
        assertEquals(Map.of("name", "B", "level", "Thôn"), p.rows().get(1).values());

        ProblemException e = assertThrows(ProblemException.class, () -> t.requireValid(Messages.VI));
        assertEquals(422, e.status());
        assertEquals("import.invalid", e.code());
        assertEquals(List.of(new Problem.FieldError("dòng 3", "dòng 99")), e.errors());

        Spreadsheet.Table good = read(csv("Tên đơn vị,Cấp\nA,Xã\n"));
        good.lines().get(0).warn("import.empty");
        good.requireValid(Messages.VI);
        assertTrue(good.preview(Messages.VI).ok(), "warnings do not block");
    }

    @Test
    void refusesWhatIsNotCsvOrXlsx() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertEquals("import.unsupported-type", problem(png).code());
        assertEquals(415, problem(png).status());

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("hello.txt"));
            z.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("import.unsupported-type", problem(zip.toByteArray()).code(), "a ZIP that is no workbook");

        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertEquals("import.xls-not-supported", problem(xls).code());

        byte[] ansi = "Tên đơn vị,Cấp\nXã Gio Mỹ,Xã\n".getBytes(Charset.forName("windows-1252"));
        ProblemException e = problem(ansi);
        assertEquals(415, e.status());
        assertEquals("import.csv-not-utf8", e.code());
    }

    @Test
    void refusesFilesOverTheLimits() {
        byte[] big = new byte[(int) Spreadsheet.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        ProblemException e = problem(big);
        assertEquals(413, e.status());
        assertEquals("import.too-large", e.code());

        StringBuilder many = new StringBuilder("Tên đơn vị,Cấp\n");
        for (int i = 0; i <= Spreadsheet.MAX_ROWS; i++)
            many.append("Xã ").append(i).append(",Xã\n");
        e = problem(csv(many.toString()));
        assertEquals(413, e.status());
        assertEquals("import.too-many-rows", e.code());

        StringBuilder exactly = new StringBuilder("Tên đơn vị,Cấp\n");
        for (int i = 0; i < Spreadsheet.MAX_ROWS; i++)
            exactly.append("Xã ").append(i).append(",Xã\n");
        assertEquals(Spreadsheet.MAX_ROWS, read(csv(exactly.toString())).lines().size());
    }

    @Test
    void explainsMissingHeadersColumnsAndRows() {
        ProblemException e = problem(csv("a,b\n1,2\n"));
        assertEquals(422, e.status());
        assertEquals("import.header-not-found", e.code());
        assertTrue(Messages.text(Messages.VI, e.code(), e.args()).contains("„Tên đơn vị”"));

        e = problem(csv("Mã đơn vị,Tên đơn vị\nQT,Tỉnh Quảng Trị\n"));
        assertEquals("import.missing-columns", e.code());
        assertEquals("The header row (row 1) lacks the columns: Cấp.", Messages.text(Messages.EN, e.code(), e.args()));

        e = problem(csv("Tiêu đề\nTên đơn vị,Cấp\n,\n"));
        assertEquals("import.no-rows", e.code());
        assertEquals("import.empty", problem(new byte[0]).code());

        String tooDeep = "x\n".repeat(Spreadsheet.HEADER_SEARCH_ROWS) + "Tên đơn vị,Cấp\nA,Xã\n";
        assertEquals("import.header-not-found", problem(csv(tooDeep)).code());
    }

    @Test
    void headerKeyIgnoresCaseDiacriticsSpacesAndMarks() {
        assertEquals("ma don vi cap tren", Spreadsheet.headerKey("  MÃ  ĐƠN VỊ\tCẤP TRÊN (*) :"));
        assertEquals(Spreadsheet.headerKey("Họ và tên"), Spreadsheet.headerKey("ho va ten*"));
    }
}

package vn.diemcau.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportXlsxTest {
    static ReportContent.Table table(String name) {
        return new ReportContent.Table(
                name,
                List.of(ReportContent.Column.text("Tên", 10), ReportContent.Column.number("Số", 5)),
                List.of(ReportContent.row("Điểm cầu Huyện Gio Linh", 47), ReportContent.row(null, null)));
    }

    @Test
    void sheetsAreNamedSafelyAndUniquelyAndNumbersAreNumberCells() throws Exception {
        String longName = "Kết quả biểu quyết: câu hỏi thứ nhất [phần 1/2]";
        Report r = new Report(
                1,
                "Hội nghị",
                Instant.parse("2026-12-03T01:00:00Z"),
                List.of(
                        new ReportContent("Một", List.of("Ghi chú"), List.of(table(longName), table(longName))),
                        new ReportContent("Hai", List.of(), List.of(table("Điểm cầu")))));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ReportXlsx.render(r)))) {
            assertEquals(4, wb.getNumberOfSheets());
            assertEquals("Tổng quan", wb.getSheetName(0));
            String first = wb.getSheetName(1), second = wb.getSheetName(2);
            assertEquals(31, first.length(), first);
            assertEquals(true, second.endsWith(" (2)"), second);
            assertEquals(true, second.length() <= 31, second);
            Sheet points = wb.getSheet("Điểm cầu");
            assertNotNull(points);
            assertEquals(CellType.NUMERIC, points.getRow(1).getCell(1).getCellType());
            assertEquals(47.0, points.getRow(1).getCell(1).getNumericCellValue());
            assertNull(points.getRow(2).getCell(0));
            assertEquals(
                    "Lập lúc 03/12/2026 08:00",
                    wb.getSheetAt(0).getRow(2).getCell(0).getStringCellValue());
        }
    }
}

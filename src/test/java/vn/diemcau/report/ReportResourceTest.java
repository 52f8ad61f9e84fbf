package vn.diemcau.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.diemcau.common.Downloads;
import vn.diemcau.floor.FloorFixture;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class ReportResourceTest {
    /** A session run from start to end: roll call answered by two points, an item extended, one skipped, a speaker. */
    static FloorFixture ran() {
        FloorFixture f = FloorFixture.live();
        f.command(
                        Tokens.OPERATOR1,
                        Map.of("type", "point.ready", "pointId", f.point1, "present", 47),
                        FloorFixture.id())
                .statusCode(200);
        f.command(
                        Tokens.OPERATOR2,
                        Map.of("type", "point.ready", "pointId", f.point2, "present", 58),
                        FloorFixture.id())
                .statusCode(200);
        long first = f.items.get(0), second = f.items.get(1);
        f.command(Tokens.ORGANIZER, Map.of("type", "agenda.start_item", "itemId", first), FloorFixture.id())
                .statusCode(200);
        f.command(
                        Tokens.ORGANIZER,
                        Map.of("type", "agenda.extend_item", "itemId", first, "minutes", 5),
                        FloorFixture.id())
                .statusCode(200);
        f.command(Tokens.ORGANIZER, Map.of("type", "agenda.skip_item", "itemId", second), FloorFixture.id())
                .statusCode(200);
        f.command(
                        Tokens.OPERATOR1,
                        Map.of("type", "attendance.check_in", "pointId", f.point1, "delegateId", f.delegate1),
                        FloorFixture.id())
                .statusCode(200);
        f.request(Tokens.OPERATOR1, f.point1, f.delegate1, "Kiến nghị về tài liệu học tập")
                .statusCode(200);
        f.act(Tokens.ORGANIZER, "floor.grant", f.waitingOf(f.point1)).statusCode(200);
        return f;
    }

    static byte[] download(FloorFixture f, String user, String format) {
        return Tokens.as(user)
                .get("/api/sessions/" + f.sessionId + "/report/" + format)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @Test
    void thePdfCarriesTheAgendaInVietnameseAndTheNumbers() throws Exception {
        FloorFixture f = ran();
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "vi")
                .get("/api/sessions/" + f.sessionId + "/report/pdf")
                .then()
                .statusCode(409)
                .body("code", equalTo("report.session-not-ended"));
        f.end();
        byte[] pdf = download(f, Tokens.ORGANIZER, "pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        for (String expected : List.of(
                "BÁO CÁO TỔNG HỢP HỘI NGHỊ",
                "Hội nghị quán triệt Quy định 126",
                "Khai mạc hội nghị",
                "Quán triệt Quy định 126-QĐ/TW",
                "Đã thực hiện",
                "Bỏ qua",
                "Điểm cầu Huyện Gio Linh",
                // 3 points, 2 of them answered the roll call, 47 + 58 people
                "3 điểm cầu; 2 điểm cầu đã báo số người có mặt, tổng 105 người.",
                "2 nội dung: 1 đã thực hiện, 1 bỏ qua.",
                "Nguyễn Văn Ánh",
                "Kiến nghị về tài liệu học tập",
                "1 lượt đăng ký phát biểu, 1 lượt được phát biểu.",
                // the sections the other features contribute
                "Điểm danh đại biểu",
                "Tổng cộng",
                "Tài liệu phát hành và lượt tiếp cận",
                "0 tài liệu, 0 đã phát hành.",
                "Kết quả biểu quyết, khảo sát",
                "0 cuộc biểu quyết, khảo sát đã mở.",
                "Tổng hợp phiếu đánh giá",
                "Hội nghị không dùng phiếu đánh giá.")) {
            assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in: " + text);
        }
        // the one delegate checked in at the main point; every section has its data, none a placeholder
        assertTrue(text.matches(".*\\b1/\\d+ đại biểu có tên đã điểm danh.*"), text);
        assertFalse(text.contains(ReportService.NO_DATA), text);
        assertTrue(text.contains(" 47 ") && text.contains(" 58 ") && text.contains(" 240 "), text);
    }

    @Test
    void theWorkbookCellsMatchTheDatabase() throws Exception {
        FloorFixture f = ran();
        f.end();
        JsonPath live = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/live")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> points = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/points")
                .then()
                .extract()
                .jsonPath()
                .getList("");
        byte[] xlsx = download(f, Tokens.OBSERVER, "xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet p = wb.getSheet("Điểm cầu");
            assertNotNull(p, "sheet Điểm cầu");
            assertEquals("Dự kiến", p.getRow(0).getCell(3).getStringCellValue());
            for (int i = 0; i < points.size(); i++) {
                Row row = p.getRow(i + 1);
                Map<String, Object> point = points.get(i);
                assertTrue(row.getCell(1).getStringCellValue().startsWith((String) point.get("name")));
                assertEquals(
                        ((Number) point.get("expectedCount")).doubleValue(),
                        row.getCell(3).getNumericCellValue());
                assertEquals(
                        ((Number) point.get("delegateCount")).doubleValue(),
                        row.getCell(4).getNumericCellValue());
                Object present = live.get("points.find { it.id == " + point.get("id") + " }.presentCount");
                if (present == null) assertEquals(null, row.getCell(5));
                else
                    assertEquals(
                            ((Number) present).doubleValue(), row.getCell(5).getNumericCellValue());
            }
            Row total = p.getRow(points.size() + 1);
            assertEquals(240.0, total.getCell(3).getNumericCellValue());
            assertEquals(3.0, total.getCell(4).getNumericCellValue());
            assertEquals(105.0, total.getCell(5).getNumericCellValue());

            Sheet a = wb.getSheet("Chương trình");
            Row first = a.getRow(1);
            assertEquals(live.getString("agenda[0].title"), first.getCell(1).getStringCellValue());
            assertEquals(10.0, first.getCell(4).getNumericCellValue()); // planned
            assertEquals(5.0, first.getCell(5).getNumericCellValue()); // extended
            assertEquals(
                    ReportFormat.TIME.format(Instant.parse(live.getString("agenda[0].actualStart"))),
                    first.getCell(6).getStringCellValue());
            assertEquals(
                    ReportFormat.TIME.format(Instant.parse(live.getString("agenda[0].actualEnd"))),
                    first.getCell(7).getStringCellValue());
            assertEquals("Đã thực hiện", first.getCell(9).getStringCellValue());
            Row second = a.getRow(2);
            assertEquals("Quán triệt Quy định 126-QĐ/TW", second.getCell(1).getStringCellValue());
            assertEquals("Bỏ qua", second.getCell(9).getStringCellValue());
            assertEquals(null, second.getCell(6));

            Sheet floor = wb.getSheet("Đăng ký phát biểu");
            assertEquals("Nguyễn Văn Ánh", floor.getRow(1).getCell(2).getStringCellValue());
            assertEquals("Đã phát biểu", floor.getRow(1).getCell(7).getStringCellValue());
            assertEquals(2, floor.getPhysicalNumberOfRows());
        }
    }

    @Test
    void roleMatrix() {
        FloorFixture f = ran();
        f.end();
        String title = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId)
                .then()
                .extract()
                .path("title");
        for (String format : List.of("pdf", "xlsx")) {
            String path = "/api/sessions/" + f.sessionId + "/report/" + format;
            given().get(path).then().statusCode(401);
            Tokens.as(Tokens.OPERATOR1).get(path).then().statusCode(403);
            Tokens.as(Tokens.NOBODY).get(path).then().statusCode(403);
            given().header("Authorization", "Invitation " + f.token1)
                    .get(path)
                    .then()
                    .statusCode(403);
            Tokens.as(Tokens.OBSERVER)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Content-Disposition", Downloads.attachment("Báo cáo hội nghị – " + title + "." + format));
        }
        Tokens.as(Tokens.ORGANIZER)
                .accept(ContentType.ANY)
                .get("/api/sessions/987654321/report/pdf")
                .then()
                .statusCode(404);
    }
}

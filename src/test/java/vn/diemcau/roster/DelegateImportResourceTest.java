package vn.diemcau.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diemcau.roster.RosterFixtures.addDelegate;
import static vn.diemcau.roster.RosterFixtures.count;
import static vn.diemcau.roster.RosterFixtures.delegate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class DelegateImportResourceTest {
    static final String HEADER = "STT,Họ và tên,Chức vụ,Đơn vị,Thành phần,Điểm cầu,Số điện thoại,Email";

    static String path(long sid) {
        return "/api/sessions/" + sid + "/delegates/import";
    }

    /** UTF-8 with a BOM, as Excel's "CSV UTF-8" saves it, under a title line and a blank line. */
    static byte[] csv(String... rows) {
        String text = "\uFEFFDANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ,,,,,,,\r\n,,,,,,,\r\n" + HEADER + "\r\n"
                + String.join("\r\n", rows) + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static RequestSpecification upload(String fileName, byte[] content) {
        return Tokens.as(Tokens.ORGANIZER).multiPart("file", fileName, content, "application/octet-stream");
    }

    record Setup(long sid, long gioLinh, long hall) {}

    static Setup setup() {
        long sid = RosterFixtures.session("Nhập danh sách " + UUID.randomUUID());
        return new Setup(
                sid,
                RosterFixtures.point(sid, "Điểm cầu Huyện Gio Linh"),
                RosterFixtures.point(sid, "Hội trường lớn Tỉnh ủy"));
    }

    @Test
    void cleanCsvWithBomTitleRowAndDecomposedDiacriticsIsPreviewedThenImported() {
        Setup s = setup();
        // "Nguyễn Hữu Quất" typed on a Mac arrives decomposed (NFD); point names without marks or case
        String nfdName = Normalizer.normalize("Nguyễn Hữu Quất", Normalizer.Form.NFD);
        byte[] file = csv(
                "1," + nfdName
                        + ",Trưởng ban,Ban Tổ chức Tỉnh ủy,Đại biểu chính thức,hội trường lớn tỉnh ủy,0912345678,quat@example.vn",
                "2,Trần Thị Ánh,Phó Chủ tịch,UBND huyện Gio Linh,Khách mời,DIEM CAU HUYEN GIO LINH,,",
                "3,\"Lê Bình\",\"Chuyên viên, phụ trách\",Sở Nội vụ,,,,");
        upload("danh-sach-dai-bieu.csv", file)
                .post(path(s.sid()) + "/preview")
                .then()
                .statusCode(200)
                .body("fileName", equalTo("danh-sach-dai-bieu.csv"))
                .body("headerRow", equalTo(3))
                .body("columns.fullName", equalTo("Họ và tên"))
                .body("columns.pointName", equalTo("Điểm cầu"))
                .body("total", equalTo(3))
                .body("valid", equalTo(3))
                .body("invalid", equalTo(0))
                .body("ok", equalTo(true))
                .body("rows.row", contains(4, 5, 6))
                .body("rows[0].values.fullName", equalTo("Nguyễn Hữu Quất"))
                .body("rows[2].values.position", equalTo("Chuyên viên, phụ trách"))
                .body("rows.errors.flatten()", empty());
        assertEquals(0, count(s.sid()), "a preview imports nothing");

        upload("danh-sach-dai-bieu.csv", file)
                .post(path(s.sid()))
                .then()
                .statusCode(201)
                .body("imported", equalTo(3));
        assertEquals(3, count(s.sid()));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/delegates")
                .then()
                .body("items.fullName", contains("Trần Thị Ánh", "Lê Bình", "Nguyễn Hữu Quất"))
                .body("items.pointName", contains("Điểm cầu Huyện Gio Linh", null, "Hội trường lớn Tỉnh ủy"))
                .body("items[2].phone", equalTo("0912345678"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "nguyen huu quat")
                .get("/api/sessions/" + s.sid() + "/delegates")
                .then()
                .body("items.id", hasSize(1));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", s.sid())
                .queryParam("action", "delegate.imported")
                .get("/api/audit-events")
                .then()
                .body("items.detail", contains("3 ← danh-sach-dai-bieu.csv"));
    }

    /** An office workbook: a merged title row across the table, then the header, a numeric phone cell. */
    static byte[] workbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sh = wb.createSheet("Danh sách");
            sh.createRow(0).createCell(0).setCellValue("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ");
            sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
            sh.createRow(1).createCell(0).setCellValue("(Kèm theo Công văn số 123-CV/TU)");
            sh.addMergedRegion(new CellRangeAddress(1, 1, 0, 7));
            String[] header = HEADER.split(",");
            Row h = sh.createRow(3);
            for (int c = 0; c < header.length; c++) h.createCell(c).setCellValue(header[c].toUpperCase());
            Row r = sh.createRow(4);
            r.createCell(0).setCellValue(1);
            r.createCell(1).setCellValue("Hoàng Văn Đạt");
            r.createCell(2).setCellValue("Bí thư");
            r.createCell(3).setCellValue("Huyện ủy Gio Linh");
            r.createCell(5).setCellValue("Điểm cầu Huyện Gio Linh");
            r.createCell(6).setCellValue(912345678);
            Row r2 = sh.createRow(5);
            r2.createCell(0).setCellValue(2);
            r2.createCell(1).setCellValue("Vũ Thị Dung");
            r2.createCell(3).setCellValue("Huyện ủy Gio Linh");
            r2.createCell(5).setCellValue("Điểm cầu Huyện Gio Linh");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void cleanXlsxWithMergedTitleRowIsImported() throws IOException {
        Setup s = setup();
        byte[] file = workbook();
        upload("danh-sach.xlsx", file)
                .post(path(s.sid()) + "/preview")
                .then()
                .statusCode(200)
                .body("sheet", equalTo("Danh sách"))
                .body("headerRow", equalTo(4))
                .body("ok", equalTo(true))
                .body("rows.row", contains(5, 6))
                .body("rows[0].values.phone", equalTo("912345678"));
        upload("danh-sach.xlsx", file)
                .post(path(s.sid()))
                .then()
                .statusCode(201)
                .body("imported", equalTo(2));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("pointId", s.gioLinh())
                .get("/api/sessions/" + s.sid() + "/delegates")
                .then()
                .body("items.fullName", contains("Vũ Thị Dung", "Hoàng Văn Đạt"));
    }

    @Test
    void brokenFileListsEveryBadRowAndImportsNothing() {
        Setup s = setup();
        long existing = addDelegate(s.sid(), delegate("Phạm Văn Hùng", "Sở Tài chính", null));
        byte[] file = csv(
                "1,Nguyễn Văn Tốt,,Sở Y tế,,,,",
                "2,,Chuyên viên,Sở Y tế,,,,",
                "3,Lý Thị Mai,,Sở Y tế,,Điểm cầu Huyện Hải Lăng,,",
                "4,Đoàn Văn Sai,,Sở Y tế,,,12ab,khong-phai-email",
                "5,nguyen van tot,,SỞ Y TẾ,,,,",
                "6,Phạm Văn Hùng,,Sở Tài chính,,,,");
        long before = count(s.sid());
        upload("loi.csv", file)
                .post(path(s.sid()) + "/preview")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("total", equalTo(6))
                .body("valid", equalTo(1))
                .body("invalid", equalTo(5))
                .body("rows[0].errors", empty())
                .body("rows[1].errors", contains("Thiếu họ và tên."))
                .body("rows[2].errors[0]", containsString("Điểm cầu Huyện Hải Lăng"))
                .body("rows[3].errors", hasSize(2))
                .body("rows[4].errors[0]", containsString("dòng 4"))
                .body("rows[5].errors[0]", containsString(String.valueOf(existing)));
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .multiPart("file", "loi.csv", file, "text/csv")
                .post(path(s.sid()))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("import.invalid"))
                .body("errors.field", contains("row 5", "row 6", "row 7", "row 8", "row 9"))
                .body("errors[2].message", containsString("12ab"))
                .body("errors[2].message", containsString("khong-phai-email"));
        assertEquals(before, count(s.sid()), "nothing imported from a file with errors");
    }

    @Test
    void confirmedDuplicatesBecomeWarnings() {
        Setup s = setup();
        addDelegate(s.sid(), delegate("Phạm Văn Hùng", "Sở Tài chính", null));
        byte[] file = csv("1,Phạm Văn Hùng,,Sở Tài chính,,,,", "2,Phạm Văn Hùng,,Sở Tài chính,,,,");
        upload("trung.csv", file).post(path(s.sid())).then().statusCode(422);
        assertEquals(1, count(s.sid()));
        upload("trung.csv", file)
                .multiPart("allowDuplicates", "true")
                .post(path(s.sid()) + "/preview")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("warningCount", equalTo(2))
                .body("rows[1].warnings", hasSize(2));
        upload("trung.csv", file)
                .multiPart("allowDuplicates", "true")
                .post(path(s.sid()))
                .then()
                .statusCode(201)
                .body("imported", equalTo(2));
        assertEquals(3, count(s.sid()));
    }

    @Test
    void oversizedWrongTypeAndMissingColumnsAreRefused() {
        Setup s = setup();
        StringBuilder big = new StringBuilder(HEADER).append('\n');
        String row = "1,Nguyễn Văn An,Chuyên viên,Sở Nội vụ tỉnh với một cái tên thật dài,Khách mời,,,\n";
        while (big.length() < 5 * 1024 * 1024 + 10) big.append(row);
        upload("qua-lon.csv", big.toString().getBytes(StandardCharsets.UTF_8))
                .post(path(s.sid()))
                .then()
                .statusCode(413)
                .body("code", equalTo("import.too-large"));
        // a picture renamed to .xlsx: the content decides, not the name
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}, 64);
        upload("danh-sach.xlsx", png)
                .post(path(s.sid()))
                .then()
                .statusCode(415)
                .body("code", equalTo("import.unsupported-type"));
        // a ZIP that is no workbook, named .xlsx
        upload("danh-sach.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0})
                .post(path(s.sid()) + "/preview")
                .then()
                .statusCode(415);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("file", "x"))
                .post(path(s.sid()))
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        Tokens.as(Tokens.ORGANIZER)
                .multiPart("allowDuplicates", "true")
                .post(path(s.sid()))
                .then()
                .statusCode(400)
                .body("code", equalTo("import.no-file"));
        upload("thieu-cot.csv", "STT,Chức vụ,Đơn vị\n1,Chuyên viên,Sở Y tế\n".getBytes(StandardCharsets.UTF_8))
                .post(path(s.sid()))
                .then()
                .statusCode(422)
                .body("code", equalTo("import.missing-columns"))
                .body("detail", containsString("Họ và tên"));
        assertEquals(0, count(s.sid()));
    }

    @Test
    void onlyOrganizersImportAndOnlyWhileTheSessionIsPrepared() {
        Setup s = setup();
        byte[] file = csv("1,Nguyễn Văn An,,Sở Nội vụ,,,,");
        given().multiPart("file", "a.csv", file).post(path(s.sid())).then().statusCode(401);
        for (String user : new String[] {Tokens.OBSERVER, Tokens.OPERATOR1, Tokens.NOBODY}) {
            Tokens.as(user)
                    .multiPart("file", "a.csv", file)
                    .post(path(s.sid()) + "/preview")
                    .then()
                    .statusCode(403);
            Tokens.as(user)
                    .multiPart("file", "a.csv", file)
                    .post(path(s.sid()))
                    .then()
                    .statusCode(403);
        }
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + s.sid() + "/cancel")
                .then()
                .statusCode(200);
        upload("a.csv", file).post(path(s.sid())).then().statusCode(409).body("code", equalTo("session.not-editable"));
        assertEquals(0, count(s.sid()));
    }

    @Test
    void fiveThousandRowsImportInSecondsAndSortTheVietnameseWay() {
        Setup s = setup();
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
        String[] given = {"An", "Ánh", "Ân", "Bình", "Dũng", "Đạt", "Hà", "Hằng", "Quất", "Ý"};
        String[] rows = new String[5000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (i + 1) + "," + family[i % family.length] + " Văn " + given[i % given.length]
                    + ",Chuyên viên,Đơn vị " + i + ",Đại biểu,Điểm cầu Huyện Gio Linh,09" + String.format("%08d", i)
                    + ",";
        }
        long start = System.nanoTime();
        upload("5000.csv", csv(rows)).post(path(s.sid())).then().statusCode(201).body("imported", equalTo(5000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 30_000, "5,000 rows took " + millis + " ms");
        assertEquals(5000, count(s.sid()));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("size", 1)
                .get("/api/sessions/" + s.sid() + "/delegates")
                .then()
                .body("total", equalTo(5000))
                .body("items[0].fullName", containsString(" An"))
                .body("items[0].pointName", equalTo("Điểm cầu Huyện Gio Linh"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("size", 1)
                .queryParam("page", 4999)
                .get("/api/sessions/" + s.sid() + "/delegates")
                .then()
                .body("items[0].fullName", containsString(" Ý"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "don vi 4321")
                .get("/api/sessions/" + s.sid() + "/delegates")
                .then()
                .body("items.unitName", hasItem("Đơn vị 4321"));
    }
}

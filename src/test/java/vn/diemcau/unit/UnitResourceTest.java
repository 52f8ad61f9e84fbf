package vn.diemcau.unit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class UnitResourceTest {

    /** Short and unique: unit codes are at most 40 characters and tests share the database. */
    static String uid() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static long create(Long parentId, String code, String name, String level) {
        return Fixtures.unit(parentId, code, name, level);
    }

    static JsonPath get(long id) {
        return Tokens.as(Tokens.ORGANIZER)
                .get("/api/units/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static Map<String, Object> body(Long parentId, String code, String name, String level, Long version) {
        Map<String, Object> b = new HashMap<>();
        b.put("parentId", parentId);
        b.put("code", code);
        b.put("name", name);
        b.put("level", level);
        b.put("version", version);
        return b;
    }

    @Test
    void treeWithPathsChildCountsAndDiacriticInsensitiveSearch() {
        String u = uid();
        long province = create(null, "QT" + u, "Tỉnh Quảng Trị " + u, "PROVINCE");
        long district = create(province, "GL" + u, "Huyện Gio Linh " + u, "DISTRICT");
        long commune = create(district, "GM" + u, "Xã Gio Mỹ " + u, "COMMUNE");
        create(district, "GA" + u, "Xã Gio An " + u, "COMMUNE");

        Tokens.as(Tokens.OBSERVER)
                .queryParam("parentId", province)
                .get("/api/units")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo((int) district))
                .body("[0].path", equalTo("Tỉnh Quảng Trị " + u + " › Huyện Gio Linh " + u))
                .body("[0].childCount", equalTo(2));
        Tokens.as(Tokens.OPERATOR1)
                .queryParam("q", "xa gio my " + u.toLowerCase())
                .get("/api/units")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo((int) commune))
                .body("[0].code", equalTo("GM" + u))
                .body("[0].level", equalTo("COMMUNE"))
                .body("[0].path", equalTo("Tỉnh Quảng Trị " + u + " › Huyện Gio Linh " + u + " › Xã Gio Mỹ " + u));
        // Sorted by path, the Vietnamese way: "Gio An" before "Gio Mỹ".
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", u)
                .queryParam("level", "COMMUNE")
                .get("/api/units")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("Xã Gio An " + u, "Xã Gio Mỹ " + u)));

        // Renaming a district changes the paths below it.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body(province, "GL" + u, "  Huyện   Gio Linh mới " + u, "DISTRICT", 0L))
                .put("/api/units/" + district)
                .then()
                .statusCode(200)
                .body("name", equalTo("Huyện Gio Linh mới " + u))
                .body("version", equalTo(1));
        assertEquals(
                "Tỉnh Quảng Trị " + u + " › Huyện Gio Linh mới " + u + " › Xã Gio Mỹ " + u,
                get(commune).getString("path"));
        // The same stale version again is refused and changes nothing.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body(province, "GL" + u, "Bản cũ", "DISTRICT", 0L))
                .put("/api/units/" + district)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale"));
        assertEquals("Huyện Gio Linh mới " + u, get(district).getString("name"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("action", "unit.updated")
                .queryParam("size", 500)
                .get("/api/audit-events")
                .then()
                .body("items.targetId", hasItem(String.valueOf(district)))
                .body(
                        "items.find { it.targetId == '" + district + "' }.detail",
                        equalTo("Tỉnh Quảng Trị " + u + " › Huyện Gio Linh " + u + " → Tỉnh Quảng Trị " + u
                                + " › Huyện Gio Linh mới " + u));
    }

    @Test
    void codesAreUniqueIgnoringCaseAndNothingIsCreatedOnConflict() {
        String u = uid();
        create(null, "DUP" + u, "Cơ quan thứ nhất " + u, "AGENCY");
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(body(null, "dup" + u.toLowerCase(), "Cơ quan thứ hai " + u, "AGENCY", null))
                .post("/api/units")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("unit.code-taken"))
                .body("detail", containsString("Cơ quan thứ nhất " + u));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "co quan thu hai " + u)
                .get("/api/units")
                .then()
                .body("$", hasSize(0));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", " ", "level", "AGENCY"))
                .post("/api/units")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body(987654321L, null, "Mồ côi " + u, "COMMUNE", null))
                .post("/api/units")
                .then()
                .statusCode(400)
                .body("code", equalTo("unit.parent-not-found"));
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsDescendants() {
        String u = uid();
        long province = create(null, "P" + u, "Tỉnh " + u, "PROVINCE");
        long district = create(province, "D" + u, "Huyện " + u, "DISTRICT");
        long commune = create(district, "C" + u, "Xã " + u, "COMMUNE");
        for (long target : new long[] {commune, province}) {
            Tokens.as(Tokens.ORGANIZER)
                    .contentType(ContentType.JSON)
                    .body(body(target, "P" + u, "Tỉnh " + u, "PROVINCE", null))
                    .put("/api/units/" + province)
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("unit.cycle"));
        }
        assertNull(get(province).get("parentId"));
        assertEquals(0, get(province).getInt("version"));
        // Moving the commune up to the province is fine.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body(province, "C" + u, "Xã " + u, "COMMUNE", null))
                .put("/api/units/" + commune)
                .then()
                .statusCode(200)
                .body("parentId", equalTo((int) province))
                .body("path", equalTo("Tỉnh " + u + " › Xã " + u));
    }

    @Test
    void retireHidesAndRestoreUndoes() {
        String u = uid();
        long province = create(null, "R" + u, "Tỉnh " + u, "PROVINCE");
        long commune = create(province, "RC" + u, "Xã Cũ " + u, "COMMUNE");
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/units/" + commune + "/retire")
                .then()
                .statusCode(200)
                .body("retired", equalTo(true));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", u)
                .get("/api/units")
                .then()
                .body("id", not(hasItem((int) commune)))
                .body("find { it.id == " + province + " }.childCount", equalTo(0));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", u)
                .queryParam("includeRetired", true)
                .get("/api/units")
                .then()
                .body("find { it.id == " + commune + " }.retired", equalTo(true))
                .body("find { it.id == " + province + " }.childCount", equalTo(1));
        Tokens.as(Tokens.OBSERVER)
                .post("/api/units/" + commune + "/restore")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/units/" + commune + "/restore")
                .then()
                .statusCode(200)
                .body("retired", equalTo(false));
        Tokens.as(Tokens.ORGANIZER).queryParam("q", u).get("/api/units").then().body("id", hasItem((int) commune));
        for (String action : List.of("unit.retired", "unit.restored")) {
            Tokens.as(Tokens.ORGANIZER)
                    .queryParam("action", action)
                    .queryParam("size", 500)
                    .get("/api/audit-events")
                    .then()
                    .body("items.targetId", hasItem(String.valueOf(commune)));
        }
    }

    @Test
    void deleteOnlyLeavesThatNoSessionUsed() {
        String u = uid();
        long province = create(null, "X" + u, "Tỉnh " + u, "PROVINCE");
        long leaf = create(province, "XL" + u, "Xã " + u, "COMMUNE");
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/units/" + province)
                .then()
                .statusCode(409)
                .body("code", equalTo("unit.has-children"));
        // A session point on the leaf makes it history.
        long session = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Dùng đơn vị " + u, "kind", "CONFERENCE"))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long point = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("unitId", leaf))
                .post("/api/sessions/" + session + "/points")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/units/" + leaf)
                .then()
                .statusCode(409)
                .body("code", equalTo("unit.in-use"));
        // Even once the point is gone, the session's snapshot still refers to the unit.
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + session + "/points/" + point)
                .then()
                .statusCode(204);
        Tokens.as(Tokens.ORGANIZER).delete("/api/units/" + leaf).then().statusCode(409);
        get(leaf);

        long unused = create(province, "XU" + u, "Xã Thừa " + u, "COMMUNE");
        Tokens.as(Tokens.OBSERVER).delete("/api/units/" + unused).then().statusCode(403);
        Tokens.as(Tokens.ORGANIZER).delete("/api/units/" + unused).then().statusCode(204);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/units/" + unused)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.unit"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("action", "unit.deleted")
                .queryParam("size", 500)
                .get("/api/audit-events")
                .then()
                .body("items.targetId", hasItem(String.valueOf(unused)));
    }

    @Test
    void roleMatrix() {
        String u = uid();
        long id = create(null, "M" + u, "Tỉnh " + u, "PROVINCE");
        given().get("/api/units").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forged(Tokens.OBSERVER))
                .get("/api/units")
                .then()
                .statusCode(401);
        Tokens.as(Tokens.NOBODY).get("/api/units").then().statusCode(403);
        Tokens.as(Tokens.OBSERVER).get("/api/units/" + id).then().statusCode(200);
        Tokens.as(Tokens.OPERATOR1).get("/api/units").then().statusCode(200);
        for (String user : List.of(Tokens.OBSERVER, Tokens.OPERATOR1)) {
            Tokens.as(user)
                    .contentType(ContentType.JSON)
                    .body(body(null, null, "Không được " + u, "AGENCY", null))
                    .post("/api/units")
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("forbidden"));
            Tokens.as(user)
                    .contentType(ContentType.JSON)
                    .body(body(null, "M" + u, "Đổi tên " + u, "PROVINCE", null))
                    .put("/api/units/" + id)
                    .then()
                    .statusCode(403);
            Tokens.as(user).post("/api/units/" + id + "/retire").then().statusCode(403);
            Tokens.as(user).delete("/api/units/" + id).then().statusCode(403);
            Tokens.as(user)
                    .multiPart("file", "u.csv", csv("Tên đơn vị,Cấp\nA,Xã\n"), "text/csv")
                    .post("/api/units/import")
                    .then()
                    .statusCode(403);
        }
        given().multiPart("file", "u.csv", csv("Tên đơn vị,Cấp\nA,Xã\n"), "text/csv")
                .post("/api/units/import/preview")
                .then()
                .statusCode(401);
        assertEquals("Tỉnh " + u, get(id).getString("name"));
        assertEquals(false, get(id).getBoolean("retired"));
    }

    // --- import ---------------------------------------------------------------------------------

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An .xlsx as offices keep it: merged title rows over Vietnamese headers, a blank row, rows in any order. */
    static byte[] xlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Đơn vị");
            s.createRow(0).createCell(0).setCellValue("TỈNH ỦY QUẢNG TRỊ");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            s.createRow(1).createCell(0).setCellValue("DANH MỤC ĐƠN VỊ");
            s.addMergedRegion(new CellRangeAddress(1, 1, 0, 4));
            String[] header = {"STT", "Mã đơn vị", "TÊN ĐƠN VỊ", "Cấp", "Mã đơn vị cấp trên"};
            Row h = s.createRow(3);
            for (int c = 0; c < header.length; c++) h.createCell(c).setCellValue(header[c]);
            for (int i = 0; i < rows.size(); i++) {
                Row r = s.createRow(4 + i);
                r.createCell(0).setCellValue(i + 1);
                for (int c = 0; c < rows.get(i).length; c++) {
                    if (rows.get(i)[c] != null) r.createCell(c + 1).setCellValue(rows.get(i)[c]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static io.restassured.response.ValidatableResponse upload(String path, String name, byte[] content) {
        return Tokens.as(Tokens.ORGANIZER)
                .multiPart("file", name, content, "application/octet-stream")
                .post(path)
                .then();
    }

    @Test
    void importsAnOfficeWorkbookParentsFirstThenUpdatesByCode() throws IOException {
        String u = uid();
        byte[] file = xlsx(List.of(
                new String[] {"XA" + u, "Xã Triệu Phong " + u, "Xã", "HU" + u},
                new String[] {"HU" + u, "Huyện Triệu Phong " + u, "Huyện", "TI" + u},
                new String[] {"TI" + u, "Tỉnh Quảng Trị " + u, "Tỉnh", null},
                new String[] {"DU" + u, "Đảng ủy Khối " + u, "dang uy", "TI" + u}));
        upload("/api/units/import/preview", "don-vi.xlsx", file)
                .statusCode(200)
                .body("fileName", equalTo("don-vi.xlsx"))
                .body("sheet", equalTo("Đơn vị"))
                .body("headerRow", equalTo(4))
                .body("columns.name", equalTo("TÊN ĐƠN VỊ"))
                .body("columns.parentCode", equalTo("Mã đơn vị cấp trên"))
                .body("rows[0].row", equalTo(5))
                .body("rows[0].values.code", equalTo("XA" + u))
                .body("rows[0].errors", empty())
                .body("total", equalTo(4))
                .body("valid", equalTo(4))
                .body("invalid", equalTo(0))
                .body("ok", equalTo(true));
        // A preview writes nothing.
        Tokens.as(Tokens.ORGANIZER).queryParam("q", u).get("/api/units").then().body("$", hasSize(0));

        upload("/api/units/import", "don-vi.xlsx", file)
                .statusCode(200)
                .body("created", equalTo(4))
                .body("updated", equalTo(0));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "xa trieu phong " + u)
                .get("/api/units")
                .then()
                .body("$", hasSize(1))
                .body("[0].level", equalTo("COMMUNE"))
                .body(
                        "[0].path",
                        equalTo("Tỉnh Quảng Trị " + u + " › Huyện Triệu Phong " + u + " › Xã Triệu Phong " + u));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "dang uy khoi " + u)
                .get("/api/units")
                .then()
                .body("[0].level", equalTo("PARTY_COMMITTEE"));

        // Since July 2025 communes hang under the province: the same codes, moved and renamed.
        byte[] csv = csv("\uFEFFDANH MỤC ĐƠN VỊ SAU SẮP XẾP;;;\n"
                + "\n"
                + "mã đơn vị;Tên đơn vị;CẤP;Mã đơn vị cấp trên\n"
                + "xa" + u.toLowerCase() + ";Xã Triệu Phong mới " + u + ";Xã;TI" + u + "\n"
                + "TI" + u + ";Tỉnh Quảng Trị " + u + ";Tỉnh;\n");
        upload("/api/units/import/preview", "sap-xep.csv", csv)
                .statusCode(200)
                .body("sheet", nullValue())
                .body("headerRow", equalTo(3))
                .body("rows.row", equalTo(List.of(4, 5)))
                .body("ok", equalTo(true));
        upload("/api/units/import", "sap-xep.csv", csv)
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "XÃ TRIEU PHONG MOI " + u)
                .get("/api/units")
                .then()
                .body("$", hasSize(1))
                .body("[0].path", equalTo("Tỉnh Quảng Trị " + u + " › Xã Triệu Phong mới " + u))
                .body("[0].code", equalTo("XA" + u));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("action", "unit.imported")
                .get("/api/audit-events")
                .then()
                .body("items.detail", hasItem("sap-xep.csv: 0 created, 1 updated, 1 unchanged"));
    }

    @Test
    void aBrokenFileShowsEveryBadRowAndImportsNothing() {
        String u = uid();
        create(null, "OLD" + u, "Tỉnh Có Sẵn " + u, "PROVINCE");
        byte[] file = csv("Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên\n"
                + "A" + u + ",Xã Tốt " + u + ",Xã,OLD" + u + "\n" // 2: fine (parent in the database)
                + "B" + u + ",,Xã,OLD" + u + "\n" // 3: no name
                + "C" + u + ",Xã Lạ " + u + ",Thôn,OLD" + u + "\n" // 4: unknown level
                + "D" + u + ",Xã Mồ Côi " + u + ",Xã,NOPE" + u + "\n" // 5: parent nowhere
                + "E" + u + ",Xã Trùng 1 " + u + ",Xã,\n" // 6: duplicate code
                + "e" + u + ",Xã Trùng 2 " + u + ",Xã,\n" // 7: duplicate code
                + "F" + u + ",Vòng F " + u + ",Huyện,G" + u + "\n" // 8: cycle
                + "G" + u + ",Vòng G " + u + ",Huyện,F" + u + "\n" // 9: cycle
                + ",Không mã " + u + ",Cơ quan,\n"); // 10: warning only
        upload("/api/units/import/preview", "loi.csv", file)
                .statusCode(200)
                .body("total", equalTo(9))
                .body("valid", equalTo(2))
                .body("invalid", equalTo(7))
                .body("warningCount", equalTo(1))
                .body("ok", equalTo(false))
                .body("rows.find { it.row == 2 }.errors", empty())
                .body("rows.find { it.row == 3 }.errors[0]", equalTo("Thiếu tên đơn vị."))
                .body("rows.find { it.row == 4 }.errors[0]", containsString("Thôn"))
                .body("rows.find { it.row == 5 }.errors[0]", containsString("NOPE" + u))
                .body("rows.find { it.row == 6 }.errors[0]", containsString("dòng 7"))
                .body("rows.find { it.row == 7 }.errors[0]", containsString("dòng 6"))
                .body("rows.find { it.row == 8 }.errors[0]", containsString("F" + u + " › G" + u + " › F" + u))
                .body("rows.find { it.row == 9 }.errors[0]", containsString("vòng lặp"))
                .body("rows.find { it.row == 10 }.warnings[0]", containsString("mã"));

        upload("/api/units/import", "loi.csv", file)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("import.invalid"))
                .body("detail", containsString("7"))
                .body(
                        "errors.field",
                        equalTo(List.of("dòng 3", "dòng 4", "dòng 5", "dòng 6", "dòng 7", "dòng 8", "dòng 9")))
                .body("errors[0].message", equalTo("Thiếu tên đơn vị."));
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .multiPart("file", "loi.csv", file, "text/csv")
                .post("/api/units/import")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("row 3"))
                .body("errors[0].message", equalTo("The unit name is missing."));
        // Nothing written: not even the good row.
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", u)
                .get("/api/units")
                .then()
                .body("name", equalTo(List.of("Tỉnh Có Sẵn " + u)));
    }

    @Test
    void refusesFilesThatAreNotListsOrTooBig() {
        upload("/api/units/import/preview", "anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13})
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("import.unsupported-type"));
        upload("/api/units/import", "cu.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2})
                .statusCode(415)
                .body("code", equalTo("import.xls-not-supported"));
        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        upload("/api/units/import", "lon.csv", big).statusCode(413).body("code", equalTo("import.too-large"));
        upload("/api/units/import/preview", "khong-tieu-de.csv", csv("a,b\n1,2\n"))
                .statusCode(422)
                .body("code", equalTo("import.header-not-found"));
        upload("/api/units/import/preview", "thieu-cot.csv", csv("Tên đơn vị\nXã A\n"))
                .statusCode(422)
                .body("code", equalTo("import.missing-columns"))
                .body("detail", containsString("Cấp"));
        Tokens.as(Tokens.ORGANIZER)
                .multiPart("other", "x.csv", csv("Tên đơn vị,Cấp\nA,Xã\n"), "text/csv")
                .post("/api/units/import")
                .then()
                .statusCode(400)
                .body("code", equalTo("import.no-file"));
    }
}

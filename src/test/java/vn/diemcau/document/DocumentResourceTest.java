package vn.diemcau.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diemcau.document.DocumentFixtures.invited;
import static vn.diemcau.document.DocumentFixtures.upload;
import static vn.diemcau.document.DocumentFixtures.uploaded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class DocumentResourceTest {
    @Inject
    DocumentsConfig config;

    @Inject
    DocumentStore store;

    record Setup(long sid, long p1, long p2, long d1, long d2, String t1, String t2) {}

    /** A session with two points and a delegate (with invitation) at each. */
    static Setup setup() {
        long sid = RosterFixtures.session("Hội nghị tài liệu " + UUID.randomUUID());
        long p1 = RosterFixtures.point(sid, "Điểm cầu Huyện Gio Linh");
        long p2 = RosterFixtures.point(sid, "Điểm cầu Huyện Cam Lộ");
        long d1 = RosterFixtures.addDelegate(sid, RosterFixtures.delegate("Nguyễn Thị Lan", "Xã Gio An", p1));
        long d2 = RosterFixtures.addDelegate(sid, RosterFixtures.delegate("Trần Văn Đức", "Xã Cam Tuyền", p2));
        return new Setup(sid, p1, p2, d1, d2, invitation(sid, d1), invitation(sid, d2));
    }

    static String invitation(long sid, long did) {
        return Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/delegates/" + did + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    static String file(long sid, long id) {
        return "/api/sessions/" + sid + "/documents/" + id + "/file";
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void uploadKeepsTypeSizeChecksumAndTheVietnameseNameForDownload() throws Exception {
        Setup s = setup();
        byte[] pdf = DocumentFixtures.pdf("Quy định 126-QĐ/TW về bảo vệ chính trị nội bộ", 2);
        String name = "Quy định 126-QĐ-TW bảo vệ chính trị nội bộ.pdf";
        Response created = upload(s.sid(), name, pdf, Map.of("title", "Quy định 126"));
        created.then()
                .statusCode(201)
                .body("title", equalTo("Quy định 126"))
                .body("released", equalTo(true))
                .body("release", equalTo("NOW"))
                .body("classification", equalTo("NORMAL"))
                .body("current.number", equalTo(1))
                .body("current.fileName", equalTo(name))
                .body("current.contentType", equalTo("application/pdf"))
                .body("current.size", equalTo(pdf.length))
                .body("current.sha256", equalTo(sha256(pdf)));
        long id = created.jsonPath().getLong("id");

        Response r = invited(s.t1()).get(file(s.sid(), id));
        r.then()
                .statusCode(200)
                .header("ETag", "\"" + sha256(pdf) + "\"")
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private")
                .header("Content-Type", "application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"Quy dinh 126-QD-TW bao ve chinh tri noi bo.pdf\"; filename*=UTF-8''"
                                + "Quy%20%C4%91%E1%BB%8Bnh%20126-Q%C4%90-TW%20b%E1%BA%A3o%20v%E1%BB%87%20ch%C3%ADnh"
                                + "%20tr%E1%BB%8B%20n%E1%BB%99i%20b%E1%BB%99.pdf");
        assertArrayEquals(pdf, r.asByteArray());
        // organizers list it with its versions; the participant list shows it too
        invited(s.t1())
                .get("/api/sessions/" + s.sid() + "/documents")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) id));
        // the stored file is named by id/version and is exactly the upload
        assertArrayEquals(pdf, Files.readAllBytes(config.dir().resolve(id + "/1")));
    }

    @Test
    void rangeRequestsReturnTheRightBytesAndAContinuationIsNoNewRecipient() throws Exception {
        Setup s = setup();
        byte[] pdf = DocumentFixtures.pdf("Hướng dẫn 19-HD/BTCTW", 3);
        long id = uploaded(s.sid(), "huong-dan-19.pdf", pdf, Map.of());
        String etag = "\"" + sha256(pdf) + "\"";

        Response first = invited(s.t1()).header("Range", "bytes=0-99").get(file(s.sid(), id));
        first.then().statusCode(206).header("Content-Range", "bytes 0-99/" + pdf.length);
        assertArrayEquals(Arrays.copyOfRange(pdf, 0, 100), first.asByteArray());

        Response rest = invited(s.t1())
                .header("Range", "bytes=100-")
                .header("If-Range", etag)
                .get(file(s.sid(), id));
        rest.then()
                .statusCode(206)
                .header("Content-Range", "bytes 100-" + (pdf.length - 1) + "/" + pdf.length)
                .header("ETag", etag);
        assertArrayEquals(Arrays.copyOfRange(pdf, 100, pdf.length), rest.asByteArray());

        Response suffix = invited(s.t1()).header("Range", "bytes=-50").get(file(s.sid(), id));
        suffix.then().statusCode(206);
        assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 50, pdf.length), suffix.asByteArray());

        // the file changed since (another ETag): the whole file comes, not a piece of the new one
        Response changed = invited(s.t1())
                .header("Range", "bytes=100-")
                .header("If-Range", "\"something-else\"")
                .get(file(s.sid(), id));
        changed.then().statusCode(200);
        assertArrayEquals(pdf, changed.asByteArray());

        invited(s.t1())
                .header("Range", "bytes=" + pdf.length + "-")
                .get(file(s.sid(), id))
                .then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + pdf.length);

        // one recipient: the first request and the plain 200 made rows, the continuations did not
        List<Map<String, Object>> downloads = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id + "/downloads")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(2, downloads.size());
        assertTrue(downloads.stream().allMatch(d -> "Nguyễn Thị Lan".equals(d.get("recipientName"))));
        // bytes=0-99, then its continuations bytes=100- and bytes=-50
        assertEquals(3, downloads.get(0).get("requests"));
        assertEquals(((Number) s.p1()).intValue(), ((Number) downloads.get(0).get("pointId")).intValue());
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id + "/receipts")
                .then()
                .body("expected", equalTo(2))
                .body("received", equalTo(1));
    }

    @Test
    void aLyingExtensionAnUnknownTypeOrAnOversizedFileIsRefusedAndNothingIsStored() throws Exception {
        Setup s = setup();
        long filesBefore = storedFiles();
        upload(s.sid(), "bao-cao.pdf", DocumentFixtures.png(), Map.of())
                .then()
                .statusCode(415)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("document.type-mismatch"))
                .body("detail", containsString("bao-cao.pdf"));
        upload(s.sid(), "bao-cao.docx", DocumentFixtures.pdf("x", 1), Map.of())
                .then()
                .statusCode(415)
                .body("code", equalTo("document.type-mismatch"));
        upload(s.sid(), "ghi-chu.pdf", "chỉ là văn bản".getBytes(StandardCharsets.UTF_8), Map.of())
                .then()
                .statusCode(415)
                .body("code", equalTo("document.type-unsupported"));
        // a ZIP that is no Office package
        upload(s.sid(), "tai-lieu.docx", DocumentFixtures.zip(Map.of("a.txt", "x")), Map.of())
                .then()
                .statusCode(415)
                .body("code", equalTo("document.type-unsupported"));
        byte[] big = new byte[(int) config.maxSize().asLongValue() + 1];
        System.arraycopy(DocumentFixtures.pdf("x", 1), 0, big, 0, 100);
        upload(s.sid(), "qua-lon.pdf", big, Map.of())
                .then()
                .statusCode(413)
                .header("Content-Type", containsString("application/problem+json"))
                .body("code", equalTo("document.too-large"))
                .body("detail", containsString("2 MB"));
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .multiPart("file", "qua-lon.pdf", big, "application/pdf")
                .post("/api/sessions/" + s.sid() + "/documents")
                .then()
                .statusCode(413)
                .body("code", equalTo("document.too-large"))
                .body("detail", containsString("at most 2 MB"));
        // bad metadata: refused before anything is read or written
        upload(s.sid(), "a.pdf", DocumentFixtures.pdf("x", 1), Map.of("release", "ON_ITEM_START"))
                .then()
                .statusCode(400)
                .body("code", equalTo("document.item-required"));
        upload(s.sid(), "a.pdf", DocumentFixtures.pdf("x", 1), Map.of("roles", "boss"))
                .then()
                .statusCode(400)
                .body("code", equalTo("document.role-invalid"));
        assertEquals(0, DocumentFixtures.documents(s.sid()));
        assertEquals(filesBefore, storedFiles());
        try (Stream<Path> tmp = Files.list(config.dir().resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }
    }

    @Test
    void multipartUploadAndANewVersionServesTheLatestWhileTheAuditKeepsBoth() throws Exception {
        Setup s = setup();
        byte[] v1 = DocumentFixtures.pdf("Chương trình hội nghị", 1);
        long id = Tokens.as(Tokens.ORGANIZER)
                .multiPart("file", "chuong-trinh.pdf", v1, "application/pdf")
                .multiPart(new MultiPartSpecBuilder("Chương trình hội nghị")
                        .controlName("title")
                        .charset(StandardCharsets.UTF_8)
                        .build())
                .multiPart("roles", "participant,operator")
                .post("/api/sessions/" + s.sid() + "/documents")
                .then()
                .statusCode(201)
                .body("title", equalTo("Chương trình hội nghị"))
                .body("roles", equalTo(List.of("operator", "participant")))
                .extract()
                .jsonPath()
                .getLong("id");
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        byte[] v2 = DocumentFixtures.docx();
        Tokens.as(Tokens.ORGANIZER)
                .multiPart("file", "chuong-trinh-sua-doi.docx", v2, "application/octet-stream")
                .post("/api/sessions/" + s.sid() + "/documents/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("current.number", equalTo(2))
                .body("current.contentType", containsString("wordprocessingml"))
                .body("versions.number", equalTo(List.of(2, 1)));
        Response r = invited(s.t2()).get(file(s.sid(), id));
        r.then().statusCode(200).header("ETag", "\"" + sha256(v2) + "\"");
        assertArrayEquals(v2, r.asByteArray());
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id + "/downloads")
                .then()
                .body("versionNumber", equalTo(List.of(1, 2)))
                .body("recipientName", equalTo(List.of("Nguyễn Thị Lan", "Trần Văn Đức")));
        // a participant sees only the current version
        invited(s.t1())
                .get("/api/sessions/" + s.sid() + "/documents/" + id)
                .then()
                .body("current.number", equalTo(2))
                .body("versions", equalTo(null));
    }

    @Test
    void whoMaySeeWhatAndTheAuditRecordsNothingForThoseWhoMayNot() {
        Setup s = setup();
        Setup other = setup();
        RosterFixtures.assignOperator(Tokens.OPERATOR1, s.sid(), s.p1());
        RosterFixtures.assignOperator(Tokens.OPERATOR2, s.sid(), s.p2());
        byte[] pdf = DocumentFixtures.pdf("Tài liệu cho Gio Linh", 1);
        long id = uploaded(s.sid(), "gio-linh.pdf", pdf, Map.of("pointIds", String.valueOf(s.p1())));
        String url = file(s.sid(), id);

        given().get(url).then().statusCode(401);
        given().get("/api/sessions/" + s.sid() + "/documents").then().statusCode(401);
        Tokens.as(Tokens.NOBODY).get(url).then().statusCode(403);
        // a participant of another session: 403, and no guessing through their own session either
        invited(other.t1()).get(url).then().statusCode(403);
        invited(other.t1()).get(file(other.sid(), id)).then().statusCode(404);
        // a participant and an operator of a point the document is not for: not found
        invited(s.t2()).get(url).then().statusCode(404);
        invited(s.t2())
                .get("/api/sessions/" + s.sid() + "/documents")
                .then()
                .statusCode(200)
                .body("id", not(hasItem((int) id)));
        Tokens.as(Tokens.OPERATOR2).get(url).then().statusCode(404);
        // an operator may not claim a point that is not theirs
        Tokens.as(Tokens.OPERATOR1)
                .queryParam("pointId", s.p2())
                .get(url)
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR3).get(url).then().statusCode(403);
        assertEquals(0, DocumentFixtures.downloads(id));

        invited(s.t1()).get(url).then().statusCode(200);
        Tokens.as(Tokens.OPERATOR1).get(url).then().statusCode(200);
        Tokens.as(Tokens.OBSERVER).get(url).then().statusCode(200);
        assertEquals(3, DocumentFixtures.downloads(id));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id + "/downloads")
                .then()
                .body("role", equalTo(List.of("participant", "operator", "observer")))
                .body("pointId", equalTo(Arrays.asList((int) s.p1(), (int) s.p1(), null)));

        // only organizers manage documents
        for (String u : List.of(Tokens.OPERATOR1, Tokens.OBSERVER)) {
            Tokens.as(u)
                    .contentType("application/octet-stream")
                    .queryParam("fileName", "x.pdf")
                    .body(pdf)
                    .post("/api/sessions/" + s.sid() + "/documents")
                    .then()
                    .statusCode(403);
            Tokens.as(u)
                    .post("/api/sessions/" + s.sid() + "/documents/" + id + "/recall")
                    .then()
                    .statusCode(403);
            Tokens.as(u)
                    .get("/api/sessions/" + s.sid() + "/documents/" + id + "/receipts")
                    .then()
                    .statusCode(403);
        }
        invited(s.t1())
                .post("/api/sessions/" + s.sid() + "/documents/" + id + "/recall")
                .then()
                .statusCode(403);
        assertEquals(1, DocumentFixtures.documents(s.sid()));
    }

    @Test
    void aConfidentialPdfIsWatermarkedForEachRecipientAndNeverCachedByOthers() throws Exception {
        Setup s = setup();
        byte[] pdf = DocumentFixtures.pdf("Tài liệu mật về công tác bảo vệ chính trị nội bộ", 3);
        long id = uploaded(s.sid(), "tai-lieu-mat.pdf", pdf, Map.of("classification", "CONFIDENTIAL"));
        Response lan = invited(s.t1()).get(file(s.sid(), id));
        lan.then().statusCode(200).header("Cache-Control", "private, no-store");
        Response duc = invited(s.t2()).get(file(s.sid(), id));
        duc.then().statusCode(200).header("Cache-Control", "private, no-store");
        byte[] a = lan.asByteArray();
        byte[] b = duc.asByteArray();
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(pdf, a));
        String textA = text(a);
        String textB = text(b);
        assertTrue(textA.contains("Nguyễn Thị Lan"), textA);
        assertTrue(textA.contains("Xã Gio An"), textA);
        assertFalse(textA.contains("Trần Văn Đức"));
        assertTrue(textB.contains("Trần Văn Đức"), textB);
        assertFalse(textB.contains("Nguyễn Thị Lan"));
        // on every page, and the original content is still there
        try (PDDocument doc = Loader.loadPDF(a)) {
            assertEquals(3, doc.getNumberOfPages());
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= 3; p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String page = strip.getText(doc);
                assertTrue(page.contains("Nguyễn Thị Lan"), "page " + p);
                assertTrue(page.contains("Trang nội dung số " + p), "page " + p);
            }
        }
        // a resumed download gets the same personal copy, so Range works on it too
        String etag = lan.header("ETag");
        assertFalse(etag.contains(sha256(pdf)));
        Response part = invited(s.t1())
                .header("Range", "bytes=10-")
                .header("If-Range", etag)
                .get(file(s.sid(), id));
        part.then().statusCode(206);
        assertArrayEquals(Arrays.copyOfRange(a, 10, a.length), part.asByteArray());
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id + "/downloads")
                .then()
                .body("watermarked", equalTo(List.of(true, true)));
    }

    /** The personal copies of one document on disk. */
    List<Path> copies(long documentId) throws IOException {
        Path dir = config.dir().resolve("watermarked").resolve(Long.toString(documentId));
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void watermarkedCopiesAreSweptDroppedOnRecallAndNewVersionAndMadeAgainWhenAsked() throws Exception {
        Setup s = setup();
        byte[] pdf = DocumentFixtures.pdf("Tài liệu mật số 2", 2);
        long id = uploaded(s.sid(), "tai-lieu-mat-2.pdf", pdf, Map.of("classification", "CONFIDENTIAL"));
        Response lan = invited(s.t1()).get(file(s.sid(), id));
        lan.then().statusCode(200);
        invited(s.t2()).get(file(s.sid(), id)).then().statusCode(200);
        assertEquals(2, copies(id).size());

        // Lan's copy was last downloaded two days ago: the sweep takes it, Đức's (just now) stays
        byte[] lanBytes = lan.asByteArray();
        Path lanCopy = copies(id).stream()
                .filter(p -> {
                    try {
                        return Arrays.equals(lanBytes, Files.readAllBytes(p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(lanCopy, twoDaysAgo);
        Files.setAttribute(lanCopy, "lastAccessTime", twoDaysAgo);
        store.sweep();
        List<Path> left = copies(id);
        assertEquals(1, left.size());
        assertFalse(left.contains(lanCopy));

        // resuming the swept copy gets the whole new copy under another tag, never a piece of it
        Response again = invited(s.t1())
                .header("Range", "bytes=10-")
                .header("If-Range", lan.header("ETag"))
                .get(file(s.sid(), id));
        again.then().statusCode(200).header("Cache-Control", "private, no-store");
        assertNotEquals(lan.header("ETag"), again.header("ETag"));
        byte[] remade = again.asByteArray();
        assertTrue(text(remade).contains("Nguyễn Thị Lan"));
        Response part = invited(s.t1())
                .header("Range", "bytes=10-")
                .header("If-Range", again.header("ETag"))
                .get(file(s.sid(), id));
        part.then().statusCode(206).header("ETag", again.header("ETag"));
        assertArrayEquals(Arrays.copyOfRange(remade, 10, remade.length), part.asByteArray());
        assertEquals(2, copies(id).size());

        // a recall drops every copy; released again, a download makes a new one
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + s.sid() + "/documents/" + id + "/recall")
                .then()
                .statusCode(200);
        assertEquals(List.of(), copies(id));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + s.sid() + "/documents/" + id + "/release")
                .then()
                .statusCode(200);
        invited(s.t2()).get(file(s.sid(), id)).then().statusCode(200);
        assertEquals(1, copies(id).size());

        // a new version drops the copies of the old one; its own are made on download
        Tokens.as(Tokens.ORGANIZER)
                .multiPart(
                        "file", "tai-lieu-mat-2-sua-doi.pdf", DocumentFixtures.pdf("Bản sửa đổi", 1), "application/pdf")
                .post("/api/sessions/" + s.sid() + "/documents/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("current.number", equalTo(2));
        assertEquals(List.of(), copies(id));
        Response v2 = invited(s.t1()).get(file(s.sid(), id));
        v2.then().statusCode(200);
        String v2Text = text(v2.asByteArray());
        assertTrue(v2Text.contains("Bản sửa đổi") && v2Text.contains("Nguyễn Thị Lan"), v2Text);
        assertEquals(1, copies(id).size());
        assertTrue(copies(id).get(0).getFileName().toString().startsWith("2-"));
    }

    @Test
    void releaseAtSessionEndRecallAndReleaseAgain() {
        Setup s = setup();
        long id = uploaded(
                s.sid(), "ket-luan.pdf", DocumentFixtures.pdf("Kết luận", 1), Map.of("release", "ON_SESSION_END"));
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(404);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id)
                .then()
                .body("released", equalTo(false));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + s.sid() + "/schedule")
                .then()
                .statusCode(200);
        command(s.sid(), "session.start");
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(404);
        command(s.sid(), "session.end");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> invited(s.t1()).get(file(s.sid(), id)).statusCode() == 200);
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + s.sid() + "/documents/" + id + "/recall")
                .then()
                .statusCode(200)
                .body("released", equalTo(false));
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(404);
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + s.sid() + "/documents/" + id + "/release")
                .then()
                .statusCode(200)
                .body("released", equalTo(true));
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
    }

    @Test
    void receiptsShowWhoHasAndHasNotReceivedItAndExportAsCsvAndXlsx() throws Exception {
        Setup s = setup();
        long id = uploaded(s.sid(), "quy-dinh.pdf", DocumentFixtures.pdf("Quy định", 1), Map.of());
        invited(s.t2()).get(file(s.sid(), id)).then().statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id + "/receipts")
                .then()
                .statusCode(200)
                .body("expected", equalTo(2))
                .body("received", equalTo(1))
                // by point name the Vietnamese way: Cam Lộ before Gio Linh
                .body("rows.name", equalTo(List.of("Trần Văn Đức", "Nguyễn Thị Lan")))
                .body("rows.received", equalTo(List.of(true, false)))
                .body("rows.pointName", equalTo(List.of("Điểm cầu Huyện Cam Lộ", "Điểm cầu Huyện Gio Linh")));
        String csv = new String(
                Tokens.as(Tokens.ORGANIZER)
                        .get("/api/sessions/" + s.sid() + "/documents/" + id + "/receipts.csv")
                        .then()
                        .statusCode(200)
                        .contentType(containsString("text/csv"))
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"Tiep nhan tai lieu - quy-dinh.csv\"; filename*=UTF-8''"
                                        + "Ti%E1%BA%BFp%20nh%E1%BA%ADn%20t%C3%A0i%20li%E1%BB%87u%20%E2%80%93%20quy-dinh.csv")
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFĐiểm cầu,Họ và tên"), csv);
        assertTrue(csv.contains("Trần Văn Đức,Xã Cam Tuyền,participant,Đã nhận"), csv);
        assertTrue(csv.contains("Nguyễn Thị Lan,Xã Gio An,participant,Chưa nhận"), csv);
        byte[] xlsx = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + s.sid() + "/documents/" + id + "/receipts.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("Họ và tên", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals("Trần Văn Đức", sheet.getRow(3).getCell(1).getStringCellValue());
            assertEquals("Chưa nhận", sheet.getRow(4).getCell(4).getStringCellValue());
        }
    }

    static void command(long sid, String type) {
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("type", type, "commandId", "doc-" + UUID.randomUUID()))
                .post("/api/sessions/" + sid + "/live/commands")
                .then()
                .statusCode(200);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    long storedFiles() throws IOException {
        if (!Files.exists(config.dir())) return 0;
        try (Stream<Path> all = Files.walk(config.dir())) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}

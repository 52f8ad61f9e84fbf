package vn.diemcau.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diemcau.roster.RosterFixtures.addDelegate;
import static vn.diemcau.roster.RosterFixtures.delegate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class InvitationSheetResourceTest {
    static String path(long sid) {
        return "/api/sessions/" + sid + "/delegates";
    }

    static String unique(String s) {
        return s + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a phone camera does: read the QR in the picture back into text. */
    static String decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        var source = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
        // a rendered code, not a photo: read it as a pure barcode (the finder-pattern search of the
        // general path missed one code in a CI run), and as a photo only if that fails
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
        try {
            return new QRCodeReader()
                    .decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                    .getText();
        } catch (com.google.zxing.NotFoundException e) {
            return new QRCodeReader()
                    .decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        }
    }

    static String issue(long sid, long did) {
        return Tokens.as(Tokens.ORGANIZER)
                .post(path(sid) + "/" + did + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
    }

    @Test
    void theQrCodeCarriesTheInvitationLink() throws Exception {
        long sid = RosterFixtures.session(unique("Mã QR"));
        long did = addDelegate(sid, delegate("Hoàng Thị Thu Hà", "Huyện ủy", null));
        // nothing issued yet: a GET issues nothing
        Tokens.as(Tokens.ORGANIZER)
                .get(path(sid) + "/" + did + "/invitation/qr.png")
                .then()
                .statusCode(409)
                .body("code", equalTo("invitation.not-issued"));
        String url = issue(sid, did);

        byte[] png = Tokens.as(Tokens.ORGANIZER)
                .queryParam("size", 200)
                .get(path(sid) + "/" + did + "/invitation/qr.png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", containsString("no-store"))
                .extract()
                .asByteArray();
        assertEquals(url, decode(png));
        assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() >= 200);

        String svg = Tokens.as(Tokens.ORGANIZER)
                .get(path(sid) + "/" + did + "/invitation/qr.svg")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("<path fill=\"#000\" d=\"M"), svg);

        // staff other than the organizer, and strangers, get no QR
        given().get(path(sid) + "/" + did + "/invitation/qr.png").then().statusCode(401);
        Tokens.as(Tokens.OBSERVER)
                .get(path(sid) + "/" + did + "/invitation/qr.svg")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .get(path(sid) + "/987654321/invitation/qr.png")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.delegate"));
    }

    @Test
    void thePrintableSheetHasEveryDelegateOfThePointWithAWorkingQr() throws Exception {
        long sid = RosterFixtures.session(unique("Hội nghị quán triệt Nghị quyết"));
        long pid = RosterFixtures.point(sid, "Điểm cầu Huyện Mường Tè");
        long elsewhere = RosterFixtures.point(sid, "Điểm cầu khác");
        RosterFixtures.assignOperator(Tokens.OPERATOR1, sid, pid);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 9; i++) names.add("Nguyễn Thị Hồng Nhung " + i);
        names.add("Lò Văn Pấng");
        List<Long> ids = new ArrayList<>();
        for (String n : names) ids.add(addDelegate(sid, delegate(n, "UBND huyện Mường Tè", pid)));
        addDelegate(sid, delegate("Đặng Văn Khác", "Sở", elsewhere));
        // one already has a link that was sent out: printing must not break it
        String sent = issue(sid, ids.get(0));

        byte[] pdf = Tokens.as(Tokens.OPERATOR1)
                .queryParam("pointId", pid)
                .post(path(sid) + "/invitation-sheet")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"Giay moi - Diem cau Huyen Muong Te.pdf\"; filename*=UTF-8''"
                                + "Gi%E1%BA%A5y%20m%E1%BB%9Di%20%E2%80%93%20%C4%90i%E1%BB%83m%20c%E1%BA%A7u"
                                + "%20Huy%E1%BB%87n%20M%C6%B0%E1%BB%9Dng%20T%C3%A8.pdf")
                .extract()
                .asByteArray();
        // kept for a person to look at (pdftoppm target/invitation-sheet.pdf)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "invitation-sheet.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages(), "10 cards, 8 a page");
            String text = new PDFTextStripper().getText(doc);
            for (String n : names) assertTrue(text.contains(n + "\n"), n + " on one line in " + text);
            text = text.replaceAll("\\s+", " ");
            assertTrue(!text.contains("Đặng Văn Khác"), "only this point's delegates");
            assertTrue(text.contains("Hội nghị quán triệt Nghị quyết"), text);
            assertTrue(text.contains("08:00 – 11:30 ngày 03/12/2026"), "Vietnam time: " + text);
            assertTrue(text.contains("Điểm cầu: Điểm cầu Huyện Mường Tè"), text);
            assertTrue(text.contains("Quét mã để điểm danh"), text);
            // the first card's QR is the link already sent, and it still opens the session
            var images = new ArrayList<byte[]>();
            for (var name : doc.getPage(0).getResources().getXObjectNames()) {
                var x = doc.getPage(0).getResources().getXObject(name);
                if (x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                    var out = new java.io.ByteArrayOutputStream();
                    ImageIO.write(img.getImage(), "png", out);
                    images.add(out.toByteArray());
                }
            }
            assertEquals(8, images.size());
            List<String> decoded = new ArrayList<>();
            for (byte[] png : images) decoded.add(decode(png));
            assertTrue(decoded.contains(sent), decoded + " has " + sent);
        }
        opens(sent, 200);
        // every delegate of the point now holds an invitation
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("pointId", pid)
                .queryParam("size", 100)
                .get(path(sid))
                .then()
                .body("items.invitationActive", org.hamcrest.Matchers.everyItem(equalTo(true)));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .queryParam("action", "delegate.invitation.sheet")
                .get("/api/audit-events")
                .then()
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo(Tokens.username(Tokens.OPERATOR1)))
                .body("items[0].detail", equalTo("Điểm cầu Huyện Mường Tè: 10 invitations printed"));
    }

    @Test
    void renewingTheSheetVoidsEveryEarlierLinkOfThePoint() {
        long sid = RosterFixtures.session(unique("Cấp lại"));
        long pid = RosterFixtures.point(sid, "Điểm cầu Xã Pa Vệ Sử");
        RosterFixtures.assignOperator(Tokens.OPERATOR1, sid, pid);
        long did = addDelegate(sid, delegate("Chu Văn Lả", "UBND xã", pid));
        String old = issue(sid, did);

        // only the organizer renews
        Tokens.as(Tokens.OPERATOR1)
                .queryParam("pointId", pid)
                .queryParam("renew", true)
                .post(path(sid) + "/invitation-sheet")
                .then()
                .statusCode(403)
                .body("code", equalTo("invitation.renew-organizer-only"));
        opens(old, 200);

        Tokens.as(Tokens.ORGANIZER)
                .queryParam("pointId", pid)
                .queryParam("renew", true)
                .post(path(sid) + "/invitation-sheet")
                .then()
                .statusCode(200);
        opens(old, 401);
        String fresh = issue(sid, did);
        assertNotEquals(old, fresh);
        opens(fresh, 200);
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .queryParam("action", "delegate.invitation.sheet-renewed")
                .get("/api/audit-events")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void sheetRoleMatrixAndBadInput() {
        long sid = RosterFixtures.session(unique("Quyền in"));
        long pid = RosterFixtures.point(sid, "Điểm cầu");
        long other = RosterFixtures.point(sid, "Điểm cầu của op2");
        RosterFixtures.assignOperator(Tokens.OPERATOR2, sid, other);
        long did = addDelegate(sid, delegate("Mùa A Dế", "UBND xã", pid));
        String sheet = path(sid) + "/invitation-sheet";
        given().queryParam("pointId", pid).post(sheet).then().statusCode(401);
        Tokens.as(Tokens.OBSERVER).queryParam("pointId", pid).post(sheet).then().statusCode(403);
        Tokens.as(Tokens.NOBODY).queryParam("pointId", pid).post(sheet).then().statusCode(403);
        Tokens.as(Tokens.OPERATOR2)
                .queryParam("pointId", pid)
                .post(sheet)
                .then()
                .statusCode(403)
                .body("code", equalTo("point.not-assigned"));
        Tokens.as(Tokens.ORGANIZER).post(sheet).then().statusCode(400);
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("pointId", 987654321)
                .post(sheet)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.point"));
        // none of the refused requests issued anything
        Tokens.as(Tokens.ORGANIZER).get(path(sid) + "/" + did).then().body("invitationActive", equalTo(false));
        // a point without delegates still prints (a page that says so)
        Tokens.as(Tokens.OPERATOR2)
                .queryParam("pointId", other)
                .post(sheet)
                .then()
                .statusCode(200)
                .contentType("application/pdf");
    }

    private static void opens(String url, int expected) {
        given().contentType(ContentType.JSON)
                .body(Map.of("token", url.substring(url.lastIndexOf('/') + 1)))
                .post("/api/participant/session")
                .then()
                .statusCode(expected);
    }
}

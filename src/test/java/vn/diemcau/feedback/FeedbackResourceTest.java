package vn.diemcau.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.diemcau.common.Downloads;
import vn.diemcau.poll.PollFixtures;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class FeedbackResourceTest {
    static final List<Map<String, Object>> QUESTIONS = List.of(
            Map.of("kind", "RATING", "text", "Nội dung hội nghị thiết thực"),
            Map.of("kind", "CHOICE", "text", "Thời lượng", "options", List.of("Ngắn", "Vừa đủ", "Dài")),
            Map.of("kind", "TEXT", "text", "Góp ý khác"));

    static long template() {
        return Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Phiếu đánh giá lớp bồi dưỡng " + UUID.randomUUID(), "questions", QUESTIONS))
                .post("/api/feedback-templates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static void setForm(long sid, long template, Instant opensAt) {
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(
                        opensAt == null
                                ? Map.of("templateId", template, "openOnEnd", true)
                                : Map.of("templateId", template, "openOnEnd", false, "opensAt", opensAt.toString()))
                .put("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("questions.size()", equalTo(3));
    }

    static Map<String, Object> answers(int rating, int choice, String text) {
        return Map.of(
                "answers",
                List.of(
                        Map.of("position", 0, "rating", rating),
                        Map.of("position", 1, "choice", choice),
                        Map.of("position", 2, "text", text)));
    }

    static long responses(long sid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FeedbackForm f = FeedbackForm.find("sessionId", sid).firstResult();
            return FeedbackResponse.count("formId", f.id);
        });
    }

    static void command(long sid, String type) {
        PollFixtures.command(Tokens.as(Tokens.ORGANIZER), sid, "cmd-" + UUID.randomUUID(), Map.of("type", type))
                .then()
                .statusCode(200);
    }

    @Test
    void theFormOpensWhenTheSessionEndsIsAnsweredOncePerDelegateAndSummarised() throws Exception {
        long sid = RosterFixtures.session("Lớp bồi dưỡng công tác bảo vệ chính trị nội bộ " + UUID.randomUUID());
        long point = RosterFixtures.point(sid, "Điểm cầu Huyện Vĩnh Linh");
        setForm(sid, template(), null);
        String lan = PollFixtures.participant(sid, point, "Nguyễn Thị Lan");
        String binh = PollFixtures.participant(sid, point, "Trần Văn Bình");
        // Not open yet: participants do not see it and cannot answer.
        PollFixtures.asParticipant(lan)
                .get("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(404);
        PollFixtures.asParticipant(lan)
                .contentType(ContentType.JSON)
                .body(answers(5, 1, "Tốt"))
                .post("/api/sessions/" + sid + "/feedback/responses")
                .then()
                .statusCode(409)
                .body("code", equalTo("feedback.form-not-open"));

        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/schedule")
                .then()
                .statusCode(200);
        command(sid, "session.start");
        command(sid, "session.end");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> "OPEN"
                        .equals(PollFixtures.asParticipant(lan)
                                .get("/api/sessions/" + sid + "/feedback")
                                .then()
                                .extract()
                                .path("status")));

        PollFixtures.asParticipant(lan)
                .contentType(ContentType.JSON)
                .body(answers(5, 1, "Nên tổ chức thêm lớp cho cấp xã"))
                .post("/api/sessions/" + sid + "/feedback/responses")
                .then()
                .statusCode(201)
                .body("answered", equalTo(true))
                .body("responses", equalTo(null));
        // Once per delegate: the second is refused, nothing changed.
        PollFixtures.asParticipant(lan)
                .contentType(ContentType.JSON)
                .body(answers(1, 0, "Lần hai"))
                .post("/api/sessions/" + sid + "/feedback/responses")
                .then()
                .statusCode(409)
                .body("code", equalTo("feedback.already-answered"));
        // Bad answers are refused with nothing stored.
        PollFixtures.asParticipant(binh)
                .contentType(ContentType.JSON)
                .body(answers(6, 1, ""))
                .post("/api/sessions/" + sid + "/feedback/responses")
                .then()
                .statusCode(400)
                .body("code", equalTo("feedback.rating-range"))
                .body("detail", equalTo("Câu 1: chấm điểm từ 1 đến 5."));
        PollFixtures.asParticipant(binh)
                .contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(Map.of("position", 0, "rating", 4))))
                .post("/api/sessions/" + sid + "/feedback/responses")
                .then()
                .statusCode(400)
                .body("code", equalTo("feedback.answer-missing"));
        assertEquals(1, responses(sid));
        PollFixtures.asParticipant(binh)
                .contentType(ContentType.JSON)
                .body(answers(4, 2, "Thời gian thảo luận hơi ngắn"))
                .post("/api/sessions/" + sid + "/feedback/responses")
                .then()
                .statusCode(201);
        assertEquals(2, responses(sid));

        JsonPath s = Tokens.as(Tokens.OBSERVER)
                .get("/api/sessions/" + sid + "/feedback/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, s.getInt("responses"));
        assertEquals(4.5, s.getDouble("questions[0].average"), 0.001);
        assertEquals(List.of(0, 0, 0, 1, 1), s.getList("questions[0].distribution"));
        assertEquals(List.of(0, 1, 1), s.getList("questions[1].distribution"));
        assertEquals(
                List.of("Nên tổ chức thêm lớp cho cấp xã", "Thời gian thảo luận hơi ngắn"),
                s.getList("questions[2].texts"));

        byte[] xlsx = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/feedback/summary.xlsx")
                .then()
                .statusCode(200)
                .header("Content-Disposition", Downloads.attachment("Tổng hợp – " + s.getString("title") + ".xlsx"))
                .extract()
                .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(
                    "Nội dung hội nghị thiết thực",
                    wb.getSheet("Tổng hợp").getRow(4).getCell(1).getStringCellValue());
            assertEquals(4.5, wb.getSheet("Tổng hợp").getRow(4).getCell(4).getNumericCellValue(), 0.001);
            assertEquals(
                    "Thời gian thảo luận hơi ngắn",
                    wb.getSheet("Ý kiến").getRow(2).getCell(2).getStringCellValue());
        }
        byte[] pdf = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/feedback/summary.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Nên tổ chức thêm lớp cho cấp xã"), text);
            assertTrue(text.contains("Số phiếu đánh giá: 2"), text);
        }
    }

    @Test
    void aFormIsWrittenOnTheSpotOrEditedAfterStartingFromATemplate() {
        long sid = RosterFixtures.session("Hội nghị tập huấn " + UUID.randomUUID());
        long template = template();
        // Written here, without a template: the title is needed.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .header("Accept-Language", "vi")
                .body(Map.of("questions", QUESTIONS))
                .put("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(400)
                .body("code", equalTo("feedback.title-required"))
                .body("detail", equalTo("Nhập tiêu đề phiếu đánh giá."));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Phiếu đánh giá hội nghị",
                        "questions",
                        List.of(Map.of("kind", "CHOICE", "text", "Chọn", "options", List.of("Một")))))
                .put("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(400)
                .body("code", equalTo("feedback.options-count"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(404);

        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Phiếu đánh giá hội nghị",
                        "openOnEnd",
                        true,
                        "questions",
                        List.of(Map.of("kind", "RATING", "text", "Chất lượng đường truyền"))))
                .put("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(200)
                .body("title", equalTo("Phiếu đánh giá hội nghị"))
                .body("questions.text", contains("Chất lượng đường truyền"));

        // Started from a template, then edited: the edited questions count, the template stays as it was.
        List<Map<String, Object>> edited = new java.util.ArrayList<>(QUESTIONS);
        edited.add(Map.of("kind", "TEXT", "text", "Đề xuất cho lần sau"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("templateId", template, "openOnEnd", true, "questions", edited))
                .put("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(200)
                .body("title", startsWith("Phiếu đánh giá lớp bồi dưỡng"))
                .body("questions.size()", equalTo(4))
                .body("questions[1].options", contains("Ngắn", "Vừa đủ", "Dài"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/feedback-templates/" + template)
                .then()
                .body("questions.size()", equalTo(3));
    }

    @Test
    void aFormWithATimeOpensByItself() {
        long sid = RosterFixtures.session("Hội nghị sơ kết " + UUID.randomUUID());
        setForm(sid, template(), Instant.now().minusSeconds(5));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> "OPEN"
                        .equals(Tokens.as(Tokens.ORGANIZER)
                                .get("/api/sessions/" + sid + "/feedback")
                                .then()
                                .extract()
                                .path("status")));
        // Once open, the form's questions no longer change.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("templateId", template()))
                .put("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(409)
                .body("code", equalTo("feedback.form-not-draft"));
    }

    @Test
    void roleMatrixAndBadTemplates() {
        long sid = RosterFixtures.session("Hội nghị " + UUID.randomUUID());
        long point = RosterFixtures.point(sid, "Điểm cầu Xã Hải Lăng");
        given().get("/api/feedback-templates").then().statusCode(401);
        given().get("/api/sessions/" + sid + "/feedback/summary").then().statusCode(401);
        for (String u : List.of(Tokens.OPERATOR1, Tokens.OBSERVER, Tokens.NOBODY))
            Tokens.as(u)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "x", "questions", QUESTIONS))
                    .post("/api/feedback-templates")
                    .then()
                    .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + sid + "/feedback/summary")
                .then()
                .statusCode(403);
        String token = PollFixtures.participant(sid, point, "Lê Thị Hà");
        PollFixtures.asParticipant(token)
                .get("/api/sessions/" + sid + "/feedback/summary")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(answers(5, 0, "x"))
                .post("/api/sessions/" + sid + "/feedback/responses")
                .then()
                .statusCode(403);

        long before = QuarkusTransaction.requiringNew().call(() -> FeedbackTemplate.count());
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Thiếu phương án",
                        "questions",
                        List.of(Map.of("kind", "CHOICE", "text", "Chọn", "options", List.of("Một")))))
                .post("/api/feedback-templates")
                .then()
                .statusCode(400)
                .body("code", equalTo("feedback.options-count"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Không có câu hỏi", "questions", List.of()))
                .post("/api/feedback-templates")
                .then()
                .statusCode(400)
                .body("code", equalTo("feedback.questions-count"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> FeedbackTemplate.count()));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("templateId", 987654321))
                .put("/api/sessions/" + sid + "/feedback")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.feedback-template"));
    }
}

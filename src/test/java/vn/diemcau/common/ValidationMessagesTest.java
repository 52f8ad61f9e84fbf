package vn.diemcau.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/** Bean Validation texts come in Vietnamese unless the client asks for English. */
@QuarkusTest
class ValidationMessagesTest {
    private static final String TITLE_ERROR = "errors.find { it.field == 'title' }.message";
    private static final String LINK_ERROR = "errors.find { it.field == 'videoLink' }.message";

    private static io.restassured.response.ValidatableResponse post(String language, Map<String, Object> body) {
        var request = Tokens.as(Tokens.ORGANIZER).contentType(ContentType.JSON);
        if (language != null) request.header("Accept-Language", language);
        return request.body(body).post("/api/sessions").then().statusCode(400);
    }

    @Test
    void aBlankTitleIsExplainedInVietnameseByDefaultAndInEnglishOnRequest() {
        Map<String, Object> blank = Map.of("title", " ", "kind", "TRAINING");
        post(null, blank).body(TITLE_ERROR, equalTo("không được để trống"));
        post("vi-VN,vi;q=0.9", blank).body(TITLE_ERROR, equalTo("không được để trống"));
        post("en", blank).body(TITLE_ERROR, equalTo("must not be blank"));
        post("en-GB,en;q=0.8", blank).body(TITLE_ERROR, equalTo("must not be blank"));
        // A language we do not speak gets the default, Vietnamese.
        post("fr-FR", blank).body(TITLE_ERROR, equalTo("không được để trống"));
    }

    @Test
    void ourOwnMessageKeysAreResolvedToo() {
        Map<String, Object> ftp = Map.of("title", "Hội nghị", "kind", "CONFERENCE", "videoLink", "ftp://cau.vn/phong");
        post(null, ftp).body(LINK_ERROR, equalTo("phải là liên kết http:// hoặc https://"));
        post("en", ftp).body(LINK_ERROR, equalTo("must be an http(s) link"));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties en = load("/ValidationMessages.properties");
        Properties vi = load("/ValidationMessages_vi.properties");
        assertEquals(en.keySet(), vi.keySet());
        assertTrue(en.containsKey("jakarta.validation.constraints.NotBlank.message"));
        assertTrue(load("/ValidationMessages_en.properties").isEmpty(), "English lives in the base bundle");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ValidationMessagesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

package vn.diemcau.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A deep link opens the app; an unknown API path stays a problem JSON 404. */
@QuarkusTest
class SpaRoutingTest {
    @Test
    void deepLinksServeTheAppAndApiPathsDoNot() {
        given().get("/sessions/12").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/i/dci_notarealtoken").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("http.404"));
    }
}

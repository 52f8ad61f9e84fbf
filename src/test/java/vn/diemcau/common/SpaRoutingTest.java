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
        given().accept("text/html,application/xhtml+xml")
                .get("/sessions/12")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"));
        given().accept("text/html")
                .get("/i/dci_notarealtoken")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"));
        // A script or asset request is never answered with the page (the dev server's /@vite/client).
        given().accept("*/*").get("/@vite/client").then().statusCode(404);
        given().get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("http.404"));
    }
}

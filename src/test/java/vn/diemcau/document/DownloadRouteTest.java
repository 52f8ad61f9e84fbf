package vn.diemcau.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.diemcau.document.DocumentDownloadCacheTest.downloads;
import static vn.diemcau.document.DocumentFixtures.invited;
import static vn.diemcau.document.DocumentFixtures.uploaded;
import static vn.diemcau.document.DocumentResourceTest.file;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.diemcau.security.InvitationCache;
import vn.diemcau.security.Roles;
import vn.diemcau.testing.Tokens;

/**
 * The download of a participant this instance knows is served on the event loop ({@link
 * DownloadRoute}); everything else goes on to the REST resource. Both must answer the same and record
 * the same, and the audit writer's one-statement path must record what its portable path records.
 */
@io.quarkus.test.junit.QuarkusTest
class DownloadRouteTest {
    private static final List<String> HEADERS = List.of(
            "Content-Type",
            "Content-Length",
            "Accept-Ranges",
            "ETag",
            "Cache-Control",
            "Content-Disposition",
            "X-Content-Type-Options");

    @Inject
    InvitationCache invitations;

    @Inject
    DocumentAccessCache accessCache;

    @Inject
    DownloadWriter writer;

    @Inject
    EntityManager em;

    @AfterEach
    void bothWays() {
        writer.oneTrip(true);
    }

    @Test
    void aKnownParticipantsDownloadIsServedOnTheEventLoopExactlyAsTheFullPathServesIt() {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        byte[] pdf = DocumentFixtures.pdf("Báo cáo chính trị", 3);
        long id = uploaded(s.sid(), "Báo cáo chính trị.pdf", pdf, Map.of());

        // neither the phone nor the document is known here yet: the full path serves (and learns both)
        assertNull(invitations.known(s.t1()));
        assertNull(accessCache.known(id));
        Response full = invited(s.t1()).get(file(s.sid(), id));
        assertNotNull(invitations.known(s.t1()));
        assertNotNull(accessCache.known(id));
        Response fast = invited(s.t1()).get(file(s.sid(), id));

        for (Response r : List.of(full, fast)) {
            assertEquals(200, r.statusCode(), r.asString());
            assertArrayEquals(pdf, r.asByteArray());
        }
        for (String h : HEADERS) assertEquals(full.header(h), fast.header(h), h);
        assertEquals("application/pdf", fast.contentType());
        assertEquals(String.valueOf(pdf.length), fast.header("Content-Length"));
        assertEquals("private", fast.header("Cache-Control"));

        // a Range request goes on to the full path: a part, and the latest record resumed
        Response part = invited(s.t1()).header("Range", "bytes=100-199").get(file(s.sid(), id));
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + pdf.length, part.header("Content-Range"));

        List<Map<String, Object>> rows = downloads(s.sid(), id);
        assertEquals(2, rows.size());
        for (Map<String, Object> r : rows) {
            assertEquals("Nguyễn Thị Lan", r.get("recipientName"));
            assertEquals("Xã Gio An", r.get("recipientUnit"));
            assertEquals((int) s.p1(), ((Number) r.get("pointId")).intValue());
            assertEquals((int) s.d1(), ((Number) r.get("delegateId")).intValue());
        }
        assertEquals(
                List.of(1, 2),
                rows.stream().map(r -> r.get("requests")).sorted().toList());
    }

    @Test
    void aStoredFileThatCannotBeOpenedGetsAProblemNotAHang() throws Exception {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long id = uploaded(s.sid(), "tai-lieu.pdf", DocumentFixtures.pdf("Tài liệu", 1), Map.of());
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        assertNotNull(accessCache.known(id));
        Path stored = accessCache.known(id).file(), aside = stored.resolveSibling("aside");
        Files.move(stored, aside);
        try {
            Response r = invited(s.t1()).header("Accept-Language", "en").get(file(s.sid(), id));
            assertEquals(500, r.statusCode());
            assertEquals("application/problem+json", r.contentType());
            assertEquals("internal", r.jsonPath().getString("code"));
            assertNull(r.header("Content-Disposition"));
        } finally {
            Files.move(aside, stored);
        }
    }

    @Test
    void whatTheRouteMayNotServeGetsTheFullPathsAnswerAndNoRecord() {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long forP2 = uploaded(
                s.sid(), "rieng-p2.pdf", DocumentFixtures.pdf("Riêng điểm cầu 2", 1), Map.of("pointIds", s.p2()));
        // both the phone (at point 1) and the document are known here after these
        invited(s.t2()).get(file(s.sid(), forP2)).then().statusCode(200);
        invited(s.t1()).get(file(s.sid(), forP2));
        assertNotNull(invitations.known(s.t1()));
        assertNotNull(accessCache.known(forP2));

        // a document limited to another point: the full path's 404, in the phone's language
        Response refused = invited(s.t1()).header("Accept-Language", "en").get(file(s.sid(), forP2));
        assertEquals(404, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        // a document of another session, asked for under that session's address
        DocumentResourceTest.Setup other = DocumentResourceTest.setup();
        long elsewhere = uploaded(other.sid(), "khac.pdf", DocumentFixtures.pdf("Phiên khác", 1), Map.of());
        invited(other.t1()).get(file(other.sid(), elsewhere)).then().statusCode(200);
        assertEquals(403, invited(s.t1()).get(file(other.sid(), elsewhere)).statusCode());
        // an id that is not one
        assertEquals(404, invited(s.t1()).get(file(s.sid(), 0) + "x").statusCode());

        assertEquals(1, downloads(s.sid(), forP2).size());
        assertEquals(1, downloads(other.sid(), elsewhere).size());
    }

    @Test
    void aConfidentialPdfIsStampedForTheParticipantByTheFullPath() {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        byte[] pdf = DocumentFixtures.pdf("Tài liệu mật", 1);
        long id = uploaded(s.sid(), "mat.pdf", pdf, Map.of("classification", "CONFIDENTIAL"));
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        assertNotNull(accessCache.known(id));
        Response again = invited(s.t1()).get(file(s.sid(), id));
        assertEquals(200, again.statusCode());
        assertEquals("private, no-store", again.header("Cache-Control"));
        // the stamped copy, not the stored file
        assertEquals(false, java.util.Arrays.equals(pdf, again.asByteArray()));
        List<Map<String, Object>> rows = downloads(s.sid(), id);
        assertEquals(2, rows.size());
        rows.forEach(r -> assertEquals(true, r.get("watermarked")));
    }

    @ParameterizedTest(name = "one statement: {0}")
    @ValueSource(booleans = {true, false})
    void aBatchRecordsTheRosterRowAsItIsAtTheWriteAndTheInvitationWhenItIsGone(boolean oneTrip) {
        writer.oneTrip(oneTrip);
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long id = uploaded(s.sid(), "lo.pdf", DocumentFixtures.pdf("Ghi theo lô", 1), Map.of());
        DocumentAccessCache.Access d = accessCache.get(id);
        // renamed and moved in the roster after the invitation was read (another instance's edit)
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update delegates set full_name = 'Nguyễn Thị Lan Anh',"
                                + " unit_name = 'Phường Đông Hà', point_id = ?1 where id = ?2")
                        .setParameter(1, s.p2())
                        .setParameter(2, s.d1())
                        .executeUpdate());
        long gone = s.d2() + 1_000_000;
        Instant at = Instant.parse("2026-12-06T09:15:30.123456Z");
        writer.writeAll(List.of(
                item(d, s.d1(), "Nguyễn Thị Lan", s.p1(), at),
                item(d, gone, "Người đã rời danh sách", s.p1(), at),
                // staff: the labels as given, never the roster's
                new DownloadWriter.Item(
                        d.documentId(),
                        d.versionId(),
                        d.sessionId(),
                        new DocumentService.Recipient(
                                Tokens.ORGANIZER, Roles.ORGANIZER, null, "Ban tổ chức", "Ban tổ chức", null),
                        false,
                        false,
                        at,
                        false)));

        List<Map<String, Object>> rows = downloads(s.sid(), id);
        assertEquals(3, rows.size());
        Map<String, Object> renamed = row(rows, "delegate:" + s.d1());
        assertEquals("Nguyễn Thị Lan Anh", renamed.get("recipientName"));
        assertEquals("Phường Đông Hà", renamed.get("recipientUnit"));
        assertEquals((int) s.p2(), ((Number) renamed.get("pointId")).intValue());
        Map<String, Object> left = row(rows, "delegate:" + gone);
        assertEquals("Người đã rời danh sách", left.get("recipientName"));
        assertNull(left.get("recipientUnit"));
        assertEquals((int) s.p1(), ((Number) left.get("pointId")).intValue());
        Map<String, Object> staff = row(rows, Tokens.ORGANIZER);
        assertEquals("Ban tổ chức", staff.get("recipientUnit"));
        assertNull(staff.get("pointId"));
        assertNull(staff.get("delegateId"));
        rows.forEach(r -> assertEquals(1, r.get("requests")));
        rows.forEach(r -> assertEquals("2026-12-06T09:15:30.123456Z", r.get("startedAt")));
    }

    private static DownloadWriter.Item item(
            DocumentAccessCache.Access d, long delegateId, String name, long pointId, Instant at) {
        return new DownloadWriter.Item(
                d.documentId(),
                d.versionId(),
                d.sessionId(),
                new DocumentService.Recipient(
                        "delegate:" + delegateId, Roles.PARTICIPANT, delegateId, name, null, pointId),
                true,
                false,
                at,
                false);
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String actor) {
        return rows.stream()
                .filter(r -> actor.equals(r.get("actor")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + actor + " in " + rows));
    }
}

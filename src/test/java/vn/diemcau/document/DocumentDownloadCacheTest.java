package vn.diemcau.document;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.diemcau.document.DocumentFixtures.invited;
import static vn.diemcau.document.DocumentFixtures.uploaded;
import static vn.diemcau.document.DocumentResourceTest.file;
import static vn.diemcau.document.DocumentResourceTest.sha256;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Tokens;

/**
 * Downloads decide from the document as this instance holds it in memory and record through a
 * group commit: every change must apply to the very next download, and every download must leave
 * exactly one record.
 */
@QuarkusTest
class DocumentDownloadCacheTest {
    static String documents(long sid, long id) {
        return "/api/sessions/" + sid + "/documents/" + id;
    }

    static List<Map<String, Object>> downloads(long sid, long id) {
        return Tokens.as(Tokens.ORGANIZER)
                .get(documents(sid, id) + "/downloads")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void aRecallIsRefusedAndAReleaseServedByTheVeryNextDownload() {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long id = uploaded(s.sid(), "thu-hoi.pdf", DocumentFixtures.pdf("Tài liệu sẽ thu hồi", 1), Map.of());
        // both the participant's and the operator's view of it are held in memory by now
        RosterFixtures.assignOperator(Tokens.OPERATOR1, s.sid(), s.p1());
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        Tokens.as(Tokens.OPERATOR1).get(file(s.sid(), id)).then().statusCode(200);

        Tokens.as(Tokens.ORGANIZER)
                .post(documents(s.sid(), id) + "/recall")
                .then()
                .statusCode(200);
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(404);
        Tokens.as(Tokens.OPERATOR1).get(file(s.sid(), id)).then().statusCode(404);
        Tokens.as(Tokens.ORGANIZER)
                .post(documents(s.sid(), id) + "/release")
                .then()
                .statusCode(200);
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        // the refused ones left no record
        assertEquals(3, DocumentFixtures.downloads(id));
    }

    @Test
    void aDocumentNotYetReleasedIsServedRightAfterItsRelease() {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long id = uploaded(
                s.sid(), "ket-luan.pdf", DocumentFixtures.pdf("Kết luận", 1), Map.of("release", "ON_SESSION_END"));
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(404);
        Tokens.as(Tokens.ORGANIZER)
                .post(documents(s.sid(), id) + "/release")
                .then()
                .statusCode(200);
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
    }

    @Test
    void aNewVersionIsServedAndRecordedByTheVeryNextDownload() throws Exception {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        byte[] v1 = DocumentFixtures.pdf("Bản thứ nhất", 1);
        long id = uploaded(s.sid(), "ban-1.pdf", v1, Map.of());
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200).header("ETag", "\"" + sha256(v1) + "\"");
        byte[] v2 = DocumentFixtures.pdf("Bản thứ hai, đã sửa", 2);
        Tokens.as(Tokens.ORGANIZER)
                .multiPart("file", "ban-2.pdf", v2, "application/pdf")
                .post(documents(s.sid(), id) + "/versions")
                .then()
                .statusCode(201);
        Response r = invited(s.t1()).get(file(s.sid(), id));
        r.then()
                .statusCode(200)
                .header("ETag", "\"" + sha256(v2) + "\"")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("ban-2.pdf"));
        assertArrayEquals(v2, r.asByteArray());
        // a resume against the old tag gets the whole new file, not a piece of it
        invited(s.t1())
                .header("Range", "bytes=10-")
                .header("If-Range", "\"" + sha256(v1) + "\"")
                .get(file(s.sid(), id))
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .get(documents(s.sid(), id) + "/downloads")
                .then()
                .body("versionNumber", equalTo(List.of(1, 2, 2)));
    }

    @Test
    void anEditOfTheAudienceAppliesToTheVeryNextDownload() {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long id = uploaded(s.sid(), "doi-tuong.pdf", DocumentFixtures.pdf("Đối tượng", 1), Map.of());
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        invited(s.t2()).get(file(s.sid(), id)).then().statusCode(200);

        edit(s.sid(), id, Set.of("participant"), Set.of(s.p2()));
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(404);
        invited(s.t2()).get(file(s.sid(), id)).then().statusCode(200);

        edit(s.sid(), id, Set.of("operator", "observer"), Set.of());
        invited(s.t2()).get(file(s.sid(), id)).then().statusCode(404);
        Tokens.as(Tokens.OBSERVER).get(file(s.sid(), id)).then().statusCode(200);

        // confidential from now on: the next download is a personal copy, never cached by others
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Đối tượng");
        body.put("classification", "CONFIDENTIAL");
        body.put("roles", List.of("participant"));
        put(s.sid(), id, body);
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200).header("Cache-Control", "private, no-store");
        assertEquals(5, DocumentFixtures.downloads(id));
    }

    @Test
    void theRecordCarriesTheRosterAsItIsWhenWritten() {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long id = uploaded(s.sid(), "ten-moi.pdf", DocumentFixtures.pdf("Tên mới", 1), Map.of());
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        Map<String, Object> changed = RosterFixtures.delegate("Nguyễn Thị Lan Anh", "Phường Đông Hà", s.p2());
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/api/sessions/" + s.sid() + "/delegates/" + s.d1())
                .then()
                .statusCode(200);
        invited(s.t1()).get(file(s.sid(), id)).then().statusCode(200);
        List<Map<String, Object>> rows = downloads(s.sid(), id);
        assertEquals(List.of("Nguyễn Thị Lan", "Nguyễn Thị Lan Anh"), column(rows, "recipientName"));
        assertEquals(List.of("Xã Gio An", "Phường Đông Hà"), column(rows, "recipientUnit"));
        assertEquals(List.of((int) s.p1(), (int) s.p2()), column(rows, "pointId"));
        assertEquals(List.of((int) s.d1(), (int) s.d1()), column(rows, "delegateId"));
    }

    @Test
    void fiftyParallelDownloadsLeaveFiftyRecordsEachWithItsRecipient() throws Exception {
        long sid = RosterFixtures.session("Hội nghị tải song song " + UUID.randomUUID());
        long point = RosterFixtures.point(sid, "Điểm cầu Xã Triệu Phong");
        int n = 50;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long did = RosterFixtures.addDelegate(sid, RosterFixtures.delegate("Đại biểu số " + i, "Thôn " + i, point));
            tokens.add(DocumentResourceTest.invitation(sid, did));
        }
        byte[] pdf = DocumentFixtures.pdf("Tài liệu tải song song", 2);
        long id = uploaded(sid, "song-song.pdf", pdf, Map.of());

        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<byte[]>> got = new ArrayList<>();
            for (String t : tokens) {
                got.add(pool.submit(() -> {
                    start.await();
                    Response r = invited(t).get(file(sid, id));
                    r.then().statusCode(200);
                    return r.asByteArray();
                }));
            }
            start.countDown();
            for (Future<byte[]> f : got) assertArrayEquals(pdf, f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> rows = downloads(sid, id);
        assertEquals(n, rows.size());
        Set<String> expected = new java.util.TreeSet<>();
        Set<String> recorded = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) expected.add("Đại biểu số " + i + " / Thôn " + i);
        for (Map<String, Object> r : rows) {
            recorded.add(r.get("recipientName") + " / " + r.get("recipientUnit"));
            assertEquals((int) point, ((Number) r.get("pointId")).intValue());
            assertEquals(1, r.get("requests"));
        }
        assertEquals(expected, recorded);
    }

    @Test
    void noDownloadStartedAfterARecallCommittedIsServedWhileOthersAreDownloading() throws Exception {
        DocumentResourceTest.Setup s = DocumentResourceTest.setup();
        long id = uploaded(s.sid(), "dang-tai.pdf", DocumentFixtures.pdf("Đang tải", 1), Map.of());
        AtomicBoolean recalled = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger servedBefore = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refusedAfter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> loops = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                String token = w % 2 == 0 ? s.t1() : s.t2();
                Callable<String> loop = () -> {
                    while (!stop.get()) {
                        boolean after = recalled.get();
                        int status = invited(token).get(file(s.sid(), id)).statusCode();
                        if (status == 200) served.incrementAndGet();
                        if (after && status != 404) return "served after the recall: " + status;
                        if (after) refusedAfter.incrementAndGet();
                        else if (status == 200) servedBefore.incrementAndGet();
                    }
                    return null;
                };
                loops.add(pool.submit(loop));
            }
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> servedBefore.get() >= 12);
            Tokens.as(Tokens.ORGANIZER)
                    .post(documents(s.sid(), id) + "/recall")
                    .then()
                    .statusCode(200);
            recalled.set(true);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> refusedAfter.get() >= 12 || loops.stream().anyMatch(Future::isDone));
            stop.set(true);
            for (Future<String> f : loops) assertEquals(null, f.get(30, TimeUnit.SECONDS));
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        // every download served left its record (those in flight at the recall too), none refused did
        assertEquals(served.get(), DocumentFixtures.downloads(id));
    }

    private static void edit(long sid, long id, Set<String> roles, Set<Long> points) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Đối tượng");
        body.put("roles", roles);
        body.put("pointIds", points);
        put(sid, id, body);
    }

    private static void put(long sid, long id, Map<String, Object> body) {
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body)
                .put(documents(sid, id))
                .then()
                .statusCode(200);
    }

    private static List<Object> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> r.get(key)).collect(Collectors.toList());
    }
}

package vn.diemcau.poll;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

/** Polls, invited delegates and votes for poll tests, made through the API. */
public final class PollFixtures {
    private PollFixtures() {}

    /** A DRAFT poll; {@code options} may be empty for RATING and TEXT. */
    public static long poll(
            long sid, String kind, boolean anonymous, boolean changeable, boolean hidden, String... options) {
        Map<String, Object> b = new HashMap<>();
        b.put("question", "Đồng chí đánh giá thế nào về nội dung hội nghị?");
        b.put("kind", kind);
        b.put("options", List.of(options));
        b.put("anonymous", anonymous);
        b.put("changeable", changeable);
        b.put("resultsHidden", hidden);
        return Fixtures.create("/api/sessions/" + sid + "/polls", b);
    }

    /** An invited delegate at {@code pointId}: their invitation token. */
    public static String participant(long sid, Long pointId, String name) {
        long did = RosterFixtures.addDelegate(sid, RosterFixtures.delegate(name, "Xã Gio Mỹ", pointId));
        return Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/delegates/" + did + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    public static RequestSpecification asParticipant(String token) {
        return given().header("Authorization", "Invitation " + token).header("Accept-Language", "vi");
    }

    /** Sends a live command over REST as {@code spec}; the caller checks the answer. */
    public static io.restassured.response.Response command(
            RequestSpecification spec, long sid, String commandId, Map<String, ?> body) {
        return spec.contentType(ContentType.JSON)
                .header("Idempotency-Key", commandId)
                .body(body)
                .post("/api/sessions/" + sid + "/live/commands");
    }

    /** The main hall's command {@code type} (poll.open, poll.close, …) on the poll, expected to succeed. */
    public static void organizer(long sid, String type, long pollId) {
        command(
                        vn.diemcau.testing.Tokens.as(vn.diemcau.testing.Tokens.ORGANIZER),
                        sid,
                        type + "-" + java.util.UUID.randomUUID(),
                        Map.of("type", type, "pollId", pollId))
                .then()
                .statusCode(200);
    }

    /**
     * The write path of votes {@code from} … {@code from + count - 1} in one transaction, for delegates
     * that need not exist (anonymous polls keep no delegate id).
     */
    public static void castDirect(
            long pollId,
            int from,
            int count,
            IntFunction<Long> delegate,
            IntFunction<Long> point,
            IntFunction<List<Integer>> choices) {
        PollService service = Arc.container().instance(PollService.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            Poll p = Poll.findById(pollId);
            for (int i = from; i < from + count; i++)
                service.cast(p, delegate.apply(i), point.apply(i), choices.apply(i), null);
        });
    }
}

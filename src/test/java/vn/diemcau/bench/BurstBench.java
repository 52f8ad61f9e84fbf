package vn.diemcau.bench;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.diemcau.common.GroupCommit;
import vn.diemcau.common.Text;
import vn.diemcau.security.InvitationTokens;
import vn.diemcau.testing.Tokens;

/**
 * Bursts of durable writes (not part of the suite: run by bench/run.sh checkin|votes). N delegates
 * (default 20,000) are inserted in bulk with real invitations; then every one of them checks in
 * (POST /api/participant/check-in, Authorization: Invitation) or votes (POST …/live/commands, a
 * poll.vote with its command id) as fast as CONCURRENCY requests in flight allow, over HTTP from a
 * Vert.x client in this JVM. Reported: rows durably stored per second (counted in MariaDB at the
 * end), p50/p99/max latency of the answers, lost rows (answered OK, no row) and duplicated rows.
 */
@QuarkusTest
class BurstBench {
    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource db;

    final Path dir = Path.of("target/bench");
    final int n = Integer.getInteger("bench.n", 20_000);
    final int concurrency = Integer.getInteger("bench.concurrency", 256);

    @Test
    @EnabledIfSystemProperty(named = "bench.scenario", matches = "checkin")
    void checkIns() throws Exception {
        if ("wrk".equals(System.getProperty("bench.generator"))) {
            checkInsWithWrk();
            return;
        }
        String diemcau = measure("checkin", "check-ins (HTTP POST /api/participant/check-in)", "check-ins", f -> {
            Delegates d = delegates(f);
            Run run = burst(base.getPort(), checkIn(d, "/api/participant/check-in"), i -> "");
            return new Outcome(run, d, stored("check_ins where status = 'PRESENT' and session_id = ?", f.sessionId));
        });
        if (Boolean.parseBoolean(System.getProperty("bench.limit", "true"))) {
            String limit = checkInLimit();
            write("checkin", sideBySide(diemcau, limit));
        }
    }

    /**
     * The check-in bursts with wrk as the generator (C: much less CPU per request than the JVM client,
     * so more of the two cores is left to the server), against diemcau and the limit server in the
     * same run: {@code bench.seconds} of 256 connections, each request a delegate's own invitation, a
     * warm-up of rounds of {@code bench.warmup-seconds} (5) on another session first, until a round
     * leaves the JIT little to compile. Before each diemcau run
     * one delegate checks in alone, which brings the session's invitations into memory (see there).
     * N must exceed what a run can send, so that no delegate checks in twice (the table says if one
     * did; the warm-up runs may).
     */
    void checkInsWithWrk() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 3);
        // each warm-up round (until the JIT is done: see there)
        int warmUpSeconds = Integer.getInteger("bench.warmup-seconds", 5);
        Path work = Files.createDirectories(dir.resolve("wrk"));
        StringBuilder md = new StringBuilder("| server (generator: wrk -t2 -c" + concurrency + " -d" + seconds
                + "s) | requests/s | answered | errors | rows stored | rows/s durably stored | p50 | p99 | delegates"
                + " sent twice |\n|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder notes = new StringBuilder();
        // diemcau, in this JVM. Both sessions are made first: between the warm-up and the measured
        // run nothing else runs (making a session exercises other code, whose types the JIT then
        // sees in the shared HTTP code, and the check-in path would be compiled again while measured)
        BenchFixture warmUp = new BenchFixture(points(), 0), timed = new BenchFixture(points(), 0);
        Delegates warmCrowd = delegates(warmUp), crowd = delegates(timed);
        firstPhone(warmCrowd);
        // Warm-up rounds until one compiles little: on two busy cores the C2 compiler falls behind
        // during a round, and what it has not compiled when the load stops is dropped from its queue
        // and asked for again under the next load. Each round's taps are fresh check-ins, as the
        // measured run's are (the warm-up session's rows are deleted before it): a round of re-sent
        // taps would have the JIT compile the already-present path, and the measured run the other
        // one again.
        for (int round = 1; round <= 6; round++) {
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement("delete from check_ins where session_id = ?")) {
                ps.setLong(1, warmUp.sessionId);
                ps.executeUpdate();
            }
            // the route's other branch (an invitation it does not know goes on to REST), which the
            // measured session's first phone takes: so that the compiled route knows it is taken
            for (int i = 0; i < 3; i++)
                io.restassured.RestAssured.given()
                        .header("Authorization", "Invitation not-an-invitation-" + i)
                        .post("/api/participant/check-in")
                        .then()
                        .statusCode(401);
            long compiled = Jit.compiledMillis();
            String row = wrkRow(
                    "diemcau",
                    work,
                    warmCrowd,
                    "/api/participant/check-in",
                    base.getPort(),
                    warmUpSeconds,
                    "check_ins where status = 'PRESENT' and session_id = ?",
                    warmUp.sessionId);
            long during = Jit.compiledMillis() - compiled;
            notes.append("diemcau warm-up round ")
                    .append(round)
                    .append(" (another session, not counted; JIT compiling during it: ")
                    .append(during)
                    .append(" ms): ")
                    .append(row);
            if (during < warmUpSeconds * 100L) break; // under a tenth of the round
        }
        GroupCommit.resetStats("check-ins");
        firstPhone(crowd);
        String jit = Jit.awaitQuiet(60);
        long compiled = Jit.compiledMillis();
        md.append(wrkRow(
                "diemcau",
                work,
                crowd,
                "/api/participant/check-in",
                base.getPort(),
                seconds,
                "check_ins where status = 'PRESENT' and session_id = ?",
                timed.sessionId));
        notes.append("diemcau: ")
                .append(jit)
                .append("; JIT compiling during the measured run: ")
                .append(Jit.compiledMillis() - compiled)
                .append(" ms\n");
        notes.append(GroupCommit.stats("check-ins")).append("\n");
        againstLimit((port, warm, measured) -> {
            notes.append("limit warm-up run (another session, not counted): ")
                    .append(wrkRow(
                            "limit",
                            work,
                            warm.delegates(),
                            "/check-in",
                            port,
                            warmUpSeconds,
                            LIMIT_ROWS,
                            warm.sessionId()));
            md.append(wrkRow(
                    "limit", work, measured.delegates(), "/check-in", port, seconds, LIMIT_ROWS, measured.sessionId()));
            return null;
        });
        write(
                "checkin-wrk",
                md + "\n" + notes + "load average at the end: "
                        + Files.readString(Path.of("/proc/loadavg")).trim() + "\n");
    }

    /**
     * The session's first phone reads all its invitations into memory (one read of N rows, about a
     * second for 100,000): once per session, not part of the rate being measured.
     */
    private void firstPhone(Delegates d) {
        io.restassured.RestAssured.given()
                .header("Authorization", "Invitation " + d.tokens[n - 1])
                .post("/api/participant/check-in")
                .then()
                .statusCode(200);
    }

    private String wrkRow(
            String server, Path work, Delegates d, String path, int port, int seconds, String rows, long sessionId)
            throws Exception {
        Path script = work.resolve(server + "-" + sessionId + ".lua");
        Files.writeString(script, Wrk.tokensScript(List.of(d.tokens), "POST", path, 2));
        Instant began = Instant.now();
        Wrk.Result r = Wrk.run(2, concurrency, seconds, script.toString(), "http://127.0.0.1:" + port + path);
        // for a profile of this run alone
        System.out.println("[burst] timed " + server + " " + began + " " + Instant.now());
        List<Long> stored = stored(rows, sessionId);
        return String.format(
                "| %s | %.0f | %d | %d | %d | %.0f | %s | %s | %s |%n",
                server,
                r.requestsPerSecond(),
                r.requests(),
                r.errors(),
                stored.size(),
                stored.size() / (double) seconds,
                r.p50(),
                r.p99(),
                r.requests() > n ? "yes (" + (r.requests() - n) + ")" : "none");
    }

    Process startLimit(int port, String sessions) throws java.io.IOException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return new ProcessBuilder(Jvm.main(
                        List.of(),
                        BurstLimitServer.class,
                        "" + port,
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""),
                        sessions))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server-burst-limit.log").toFile())
                .start();
    }

    static IntFunction<RequestOptions> checkIn(Delegates d, String uri) {
        return i -> new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(uri)
                .addHeader("Authorization", "Invitation " + d.tokens[i]);
    }

    /**
     * The same bursts, from the same generator, against {@link BurstLimitServer} (its own process):
     * what a durable check-in over HTTP costs here with nothing but the essentials. A warm-up burst on
     * one session first, then the reported one on another, as for diemcau.
     */
    String checkInLimit() throws Exception {
        return limitBursts(
                "check-ins, limit server (plain Netty, invitation hash in memory, JDBC batch per commit)",
                LIMIT_ROWS,
                (port, crowd) -> burst(port, checkIn(crowd.delegates(), "/check-in"), i -> ""));
    }

    interface CrowdBurst {
        Run run(int port, Crowd crowd) throws Exception;
    }

    /**
     * The limit server's warm-up burst and measured burst (each on its own session, the rows of each
     * found with {@code rows}), and the measured one's table.
     */
    String limitBursts(String what, String rows, CrowdBurst burst) throws Exception {
        return againstLimit((port, w, m) -> {
            Outcome warm = new Outcome(burst.run(port, w), w.delegates(), stored(rows, w.sessionId()));
            Outcome o = new Outcome(burst.run(port, m), m.delegates(), stored(rows, m.sessionId()));
            return table(what, o, warmLine(warm), "");
        });
    }

    static final String LIMIT_ROWS = "bench_limit_check_ins where session_id = ?";

    /** A session's delegates, as made for one run. */
    record Crowd(long sessionId, Delegates delegates) {}

    interface LimitRuns<T> {
        T run(int port, Crowd warmUp, Crowd measured) throws Exception;
    }

    /**
     * Two sessions of N delegates (a warm-up and a measured one) and {@link BurstLimitServer} in a
     * process of its own, which reads their invitations at its start; stopped afterwards.
     */
    <T> T againstLimit(LimitRuns<T> runs) throws Exception {
        BenchFixture warmUp = new BenchFixture(points(), 0);
        Crowd w = new Crowd(warmUp.sessionId, delegates(warmUp));
        BenchFixture measured = new BenchFixture(points(), 0);
        Crowd m = new Crowd(measured.sessionId, delegates(measured));
        int port = Wrk.freePort();
        Process server = startLimit(port, w.sessionId() + "," + m.sessionId());
        try {
            if (!Wrk.awaitPort(port, 300)) throw new IllegalStateException("the limit server did not start");
            return runs.run(port, w, m);
        } finally {
            server.destroy();
        }
    }

    static String ratio(String diemcau, String limit) {
        double a = rowsPerSecond(diemcau), b = rowsPerSecond(limit);
        return String.format("%ndiemcau / limit: %.2f (%.0f against %.0f rows/s)", a / b, a, b);
    }

    /** The rows/s column of a table's first data row. */
    static double rowsPerSecond(String table) {
        return Double.parseDouble(
                table.lines().skip(2).findFirst().orElseThrow().split("\\|")[8].trim());
    }

    @Test
    @EnabledIfSystemProperty(named = "bench.scenario", matches = "votes")
    void votes() throws Exception {
        measure("votes", "votes (HTTP POST …/live/commands, poll.vote)", "votes", f -> {
            Delegates d = delegates(f);
            long poll = openPoll(f);
            Run run = burst(
                    base.getPort(),
                    i -> new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setURI(f.commandsPath())
                            .addHeader("Authorization", "Invitation " + d.tokens[i])
                            .addHeader("Content-Type", "application/json"),
                    i -> PhoneWave.vote(i, poll));
            return new Outcome(run, d, stored("poll_ballots where poll_id = ?", poll));
        });
    }

    /**
     * What phones do: each delegate's phone has its live socket open (authenticated once, at the
     * upgrade) and sends its {@code poll.vote} over it; the answer is the {@code live.ack}. The
     * phones connect in waves ({@link #socketBurst}); only the voting is timed.
     */
    @Test
    @EnabledIfSystemProperty(named = "bench.scenario", matches = "votes-socket")
    void votesOverTheSocket() throws Exception {
        String diemcau = measure("votes-socket", "votes (live socket, poll.vote → live.ack)", "votes", f -> {
            Delegates d = delegates(f);
            long poll = openPoll(f);
            Run run = socketBurst(base.getPort(), f.sessionId, d, poll);
            return new Outcome(run, d, stored("poll_ballots where poll_id = ?", poll));
        });
        if (Boolean.parseBoolean(System.getProperty("bench.limit", "true"))) {
            // the limit's "poll" is the session's id: rows of the warm-up and the measured burst apart
            String limit = limitBursts(
                    "votes, limit server (plain Netty WebSocket, invitation hash in memory, JDBC batch per commit)",
                    "bench_limit_votes where poll_id = ?",
                    (port, crowd) -> socketBurst(port, crowd.sessionId(), crowd.delegates(), crowd.sessionId()));
            write("votes-socket", sideBySide(diemcau, limit));
        }
    }

    /** diemcau's table and the limit server's row under it, the ratio, then both runs' notes. */
    static String sideBySide(String diemcau, String limit) {
        return diemcau.lines().limit(3).collect(java.util.stream.Collectors.joining("\n")) + "\n"
                + limit.lines().skip(2).findFirst().orElseThrow() + "\n"
                + ratio(diemcau, limit) + "\n\ndiemcau: "
                + diemcau.lines().skip(4).collect(java.util.stream.Collectors.joining("\n")) + "\nlimit: "
                + limit.lines().skip(4).collect(java.util.stream.Collectors.joining("\n")) + "\n";
    }

    /** What one burst gave: the answers, the delegates, and the rows found in MariaDB afterwards. */
    record Outcome(Run run, Delegates delegates, List<Long> rows) {}

    interface Scenario {
        Outcome run(BenchFixture f) throws Exception;
    }

    /**
     * Runs the scenario {@code bench.warmup-rounds} times (2) on sessions of their own to warm the JVM
     * up (unless {@code bench.warmup=false}: a server in production has long compiled its hot paths, a
     * JVM started for the benchmark has not), then once more on a fresh session, which is what is
     * reported (the warm-up line is the last round's). Both are
     * checked for lost and duplicated rows.
     */
    String measure(String name, String what, String writer, Scenario scenario) throws Exception {
        String warm = "";
        String jit = "";
        if (Boolean.parseBoolean(System.getProperty("bench.warmup", "true"))) {
            // more than one round: on two cores the JIT is still compiling after the first (the
            // phones print how much it compiled during each wave's votes). Bursts over the phones'
            // sockets go on until one leaves the server's JIT little to compile: with its single C2
            // thread backed up, the vote path was seen still running C1's profiling code after two
            // bursts of 20,000, and compiled by C2 only during the measured one (docs/benchmarks-history.md, twelfth
            // pass)
            int least = Integer.getInteger("bench.warmup-rounds", 2);
            int most = Math.max(least, Integer.getInteger("bench.warmup-max-rounds", 8));
            long quiet = Long.getLong("bench.warmup-jit-ms", 300);
            List<Long> compiled = new ArrayList<>();
            for (int round = 0; round < most; round++) {
                Outcome w = scenario.run(new BenchFixture(points(), 0));
                warm = warmLine(w);
                long jitMillis = w.run().jitMillis();
                if (jitMillis >= 0) compiled.add(jitMillis);
                if (round + 1 >= least && jitMillis <= quiet) break;
            }
            if (!compiled.isEmpty())
                jit = String.format(
                        "warm-up bursts: %d (until one left the server's JIT at most %d ms to compile during its votes,"
                                + " at most %d bursts); JIT compiling during each one's votes: %s ms; ",
                        compiled.size(), quiet, most, compiled);
            GroupCommit.resetStats(writer);
        }
        Outcome o = scenario.run(new BenchFixture(points(), 0));
        if (o.run().jitMillis() >= 0)
            jit += "during the measured burst's votes: " + o.run().jitMillis() + " ms; ";
        String md = table(what, o, warm, jit + GroupCommit.stats(writer) + "; ");
        write(name, md);
        return md;
    }

    static String warmLine(Outcome w) {
        long[] check = lostAndDuplicated(w);
        return String.format(
                "warm-up run (another session, not counted): %.0f rows/s, p99 %.1f ms, %d lost, %d duplicated%n",
                w.rows().size() / w.run().seconds(),
                LoadGenerator.pct(w.run().latencyMicros(), 0.99) / 1000.0,
                check[0],
                check[1]);
    }

    /** Lost (answered OK, no row) and duplicated rows of a burst. */
    static long[] lostAndDuplicated(Outcome o) {
        Set<Long> stored = new HashSet<>(o.rows());
        long lost = o.run().okIndexes().stream()
                .filter(i -> !stored.contains(o.delegates().ids[i]))
                .count();
        return new long[] {lost, o.rows().size() - stored.size()};
    }

    long openPoll(BenchFixture f) {
        String org = Tokens.fresh(Tokens.ORGANIZER);
        long poll = io.restassured.RestAssured.given()
                .auth()
                .oauth2(org)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "question", "Đồng chí có tán thành dự thảo Nghị quyết không?",
                        "kind", "SINGLE",
                        "options", List.of("Tán thành", "Không tán thành", "Ý kiến khác")))
                .post("/api/sessions/" + f.sessionId + "/polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(org)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "poll.open", "commandId", "open-" + poll, "pollId", poll))
                .post(f.commandsPath())
                .then()
                .statusCode(200);
        return poll;
    }

    /**
     * Phone i sends its vote over its own socket, {@code concurrency} unanswered at a time, in waves
     * of at most {@code bench.wave} phones (8,000: the server's ends of every socket are open files of
     * this JVM, and so are the phones' when they run here). {@code bench.phones=jvm} (the default)
     * runs the phones here; {@code process} runs them in one process of their own for the whole run
     * ({@link PhoneWave#main}), so that this JVM, which is the server, does not also run them.
     */
    private int bursts;

    Run socketBurst(int port, long sessionId, Delegates d, long poll) throws Exception {
        int wave = Integer.getInteger("bench.wave", 8000);
        boolean apart = "process".equals(System.getProperty("bench.phones", "jvm"));
        Path tokens = Files.createDirectories(dir.resolve("phones")).resolve("tokens-" + sessionId + ".txt");
        if (apart) Files.write(tokens, List.of(d.tokens));
        long[] latency = new long[n];
        int[] status = new int[n];
        double seconds = 0;
        long jit = 0;
        for (int from = 0, w = 0; from < n; from += wave, w++) {
            int to = Math.min(n, from + wave);
            // source addresses of their own per burst: a run makes four, and one address has ~28k ports
            String address = "127.0.0." + (2 + bursts * ((n + wave - 1) / wave) + w);
            PhoneWave.Result r;
            long serverJit = -1;
            if (apart) {
                Path out = tokens.resolveSibling("wave-" + sessionId + "-" + w + ".txt");
                serverJit = phones().send(String.join(
                        " ",
                        "" + port,
                        "" + sessionId,
                        tokens.toString(),
                        "" + from,
                        "" + to,
                        "" + poll,
                        "" + concurrency,
                        address,
                        out.toString()));
                r = PhoneWave.read(out);
            } else {
                r = PhoneWave.run(port, sessionId, d.tokens, from, to, poll, concurrency, address, PhoneWave.Gate.NONE);
            }
            System.arraycopy(r.latencyMicros(), 0, latency, from, to - from);
            System.arraycopy(r.status(), 0, status, from, to - from);
            seconds += r.seconds();
            jit += apart ? serverJit : r.jitMillis();
            // for a profile of the timed part alone
            System.out.println("[burst] timed " + r.began() + " " + r.ended());
        }
        bursts++;
        return run(seconds, latency, status, jit);
    }

    /** The phones' process: one for the whole run, so that its JIT warms up with the warm-up burst. */
    static final class Phones implements AutoCloseable {
        final Process process;
        final java.io.BufferedReader answers;
        final java.io.Writer orders;

        Phones(Path log) throws java.io.IOException {
            process = new ProcessBuilder(Jvm.main(List.of(), PhoneWave.class))
                    .redirectError(log.toFile())
                    .start();
            answers = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
            orders = new java.io.OutputStreamWriter(process.getOutputStream());
        }

        /**
         * One wave; returns once its results are written, with what this JVM (the server's) spent
         * compiling during the wave's votes. The votes begin once this JVM's compilers too are quiet
         * after the phones' connecting, as when the phones run here.
         */
        long send(String wave) throws Exception {
            order(wave);
            long compiled = -1, jit = -1;
            for (String line; (line = answers.readLine()) != null; ) {
                switch (line) {
                    case "connected" -> {
                        System.out.println("[burst] server: " + Jit.awaitQuiet(60));
                        compiled = Jit.compiledMillis();
                        order("go");
                    }
                    case "voted" -> jit = Jit.compiledMillis() - compiled;
                    case "done" -> {
                        return jit;
                    }
                    default -> {}
                }
            }
            throw new IllegalStateException("the phones' process ended: see its log");
        }

        private void order(String line) throws java.io.IOException {
            orders.write(line + "\n");
            orders.flush();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private Phones phones;

    Phones phones() throws java.io.IOException {
        if (phones == null) phones = new Phones(dir.resolve("phones/phones.log"));
        return phones;
    }

    @org.junit.jupiter.api.AfterEach
    void stopPhones() {
        if (phones != null) phones.close();
        phones = null;
    }

    /** The delegates that have a row (every row, so a duplicate shows). */
    List<Long> stored(String from, long id) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select delegate_id from " + from)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    record Delegates(long[] ids, String[] tokens) {}

    /** Rows per JDBC batch when making the delegates. */
    static final int CHUNK = 10_000;

    /**
     * The points of each session a burst runs on ({@code bench.points}, 20): its delegates are spread
     * over them, and the poll results' breakdown the main hall gets has one entry per point.
     */
    static int points() {
        return Integer.getInteger("bench.points", 20);
    }

    /** N delegates over the fixture's points with real invitations, in JDBC batches (a roster import would take minutes). */
    Delegates delegates(BenchFixture f) throws Exception {
        InvitationTokens tokens =
                Arc.container().instance(InvitationTokens.class).get();
        long[] ids = new long[n];
        String[] invitations = new String[n];
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into delegates (session_id, full_name, name_folded, name_sort_key, unit_name, unit_folded,"
                            + " search_folded, point_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    String name = "Đại biểu Nguyễn Văn " + (i + 1);
                    ps.setLong(1, f.sessionId);
                    ps.setString(2, name);
                    ps.setString(3, Text.fold(name));
                    ps.setBytes(4, Text.nameSortKey(name));
                    ps.setString(5, "Xã " + (i % 500));
                    ps.setString(6, "xa " + (i % 500));
                    ps.setString(7, Text.fold(name) + " | xa " + (i % 500) + " | ");
                    ps.setLong(8, f.points.get(i % f.points.size()));
                    ps.setObject(9, now);
                    ps.setObject(10, now);
                    ps.addBatch();
                    // in parts: one batch of 150,000 rows is past MariaDB's 16 MB packet
                    if ((i + 1) % CHUNK == 0 || i == n - 1) ps.executeBatch();
                }
            }
            // the ids in insertion order (generated keys of bulk batches do not always come back)
            try (PreparedStatement ps =
                    c.prepareStatement("select id from delegates where session_id = ? order by id")) {
                ps.setLong(1, f.sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 0; rs.next() && i < n; i++) ids[i] = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update delegates set invitation_salt = ?,"
                    + " invitation_hash = ?, invitation_issued_at = ? where id = ?")) {
                for (int i = 0; i < n; i++) {
                    String salt = tokens.newSalt();
                    invitations[i] = tokens.token(ids[i], salt);
                    ps.setString(1, salt);
                    ps.setString(2, InvitationTokens.hash(invitations[i]));
                    ps.setObject(3, now);
                    ps.setLong(4, ids[i]);
                    ps.addBatch();
                    if ((i + 1) % CHUNK == 0 || i == n - 1) ps.executeBatch();
                }
            }
            c.commit();
        }
        return new Delegates(ids, invitations);
    }

    /**
     * A burst's answers. {@code jitMillis}: the server JVM's compiling during a burst over the phones'
     * sockets, during its votes (wherever the phones run); -1 for other bursts.
     */
    record Run(
            double seconds,
            long[] latencyMicros,
            List<Integer> okIndexes,
            int failed,
            Map<Integer, Integer> statuses,
            long jitMillis) {}

    /** Sends request i for every i once, {@code concurrency} in flight; latency from send to the whole answer. */
    Run burst(int port, IntFunction<RequestOptions> request, IntFunction<String> body) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setMaxPoolSize(concurrency)
                .setKeepAlive(true));
        long[] latency = new long[n];
        int[] status = new int[n];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime();
        Runnable[] send = new Runnable[1];
        send[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n) return;
            long t0 = System.nanoTime();
            http.request(request.apply(i))
                    .compose(r -> r.send(body.apply(i)))
                    .compose(r -> r.body().map(b -> r.statusCode()))
                    .onComplete(ar -> {
                        latency[i] = (System.nanoTime() - t0) / 1000;
                        status[i] = ar.succeeded() ? ar.result() : -1;
                        done.countDown();
                        send[0].run();
                    });
        };
        for (int k = 0; k < Math.min(concurrency, n); k++) vertx.runOnContext(v -> send[0].run());
        Instant began = Instant.now();
        if (!done.await(30, TimeUnit.MINUTES)) throw new IllegalStateException("burst did not finish");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("[burst] timed " + began + " " + Instant.now());
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return run(seconds, latency, status, -1);
    }

    Run run(double seconds, long[] latency, int[] status, long jitMillis) {
        List<Integer> ok = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            statuses.merge(status[i], 1, Integer::sum);
            if (status[i] == 200) ok.add(i);
        }
        Arrays.sort(latency);
        return new Run(seconds, latency, ok, n - ok.size(), statuses, jitMillis);
    }

    /** A burst's table: header, its row, the warm-up's line and what else there is to say ({@code notes}). */
    String table(String what, Outcome o, String warm, String notes) throws Exception {
        Run run = o.run();
        long rows = o.rows().size();
        long[] check = lostAndDuplicated(o);
        long[] l = run.latencyMicros();
        String md =
                "| scenario | N | in flight | answered OK | other answers | wall time | rows stored | rows/s durably"
                        + " stored | p50 | p99 | max | lost | duplicated |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
                        + String.format(
                                "| %s | %d | %d | %d | %s | %.2f s | %d | %.0f | %.1f ms | %.1f ms | %.1f ms | %d | %d |%n",
                                what,
                                n,
                                concurrency,
                                run.okIndexes().size(),
                                run.failed() == 0 ? "0" : run.statuses().toString(),
                                run.seconds(),
                                rows,
                                rows / run.seconds(),
                                LoadGenerator.pct(l, 0.50) / 1000.0,
                                LoadGenerator.pct(l, 0.99) / 1000.0,
                                l.length == 0 ? 0 : l[l.length - 1] / 1000.0,
                                check[0],
                                check[1]);
        // where the time went: the writer's transactions against the wall time of the burst
        return md + "\n" + warm + notes + points() + " points a session; load average at the end: "
                + Files.readString(Path.of("/proc/loadavg")).trim() + "\n";
    }

    void write(String name, String md) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + "-" + n + ".md"), md);
        System.out.println("\n" + md);
    }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import vn.diemcau.common.Jdbc;

/**
 * The vote writer's statements replayed alone against MariaDB on 127.0.0.1, one connection, 200
 * transactions of 100 fresh votes each on a new open poll, and MariaDB's CPU per vote read from
 * /proc/(pid of mariadbd)/stat around them (what the server pays, whatever the client does).
 *
 * <pre>
 * java -cp target/classes:$HOME/.m2/repository/org/mariadb/jdbc/mariadb-java-client/3.5.7/mariadb-java-client-3.5.7.jar \
 *     bench/replay/VoteReplay.java DB VARIANT
 * </pre>
 *
 * DB: a database the test suite migrated with at least one poll left in it (e.g. {@code
 * DIEMCAU_TEST_DB=diemcau_replay ./mvnw -B test -Dquarkus.quinoa=false -Dtest=PollLiveTest}). VARIANT:
 * <ul>
 *   <li>{@code two-rows}: before the ninth pass: the ballots by INSERT … SELECT from a UNION ALL
 *       joined with the poll, and the command records, one multi-statement, values written in;
 *   <li>{@code one-row}: the ballots alone, each with its command id, values written in;
 *   <li>{@code one-row-server}: the same statement prepared on the server (the writer since the
 *       ninth pass).
 * </ul>
 */
public class VoteReplay {
    static final int BATCHES = 200, VOTES = 100;

    public static void main(String[] args) throws Exception {
        String db = args[0], variant = args[1];
        boolean server = variant.equals("one-row-server"), records = variant.equals("two-rows");
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("allowMultiQueries", "true");
        p.setProperty("useServerPrepStmts", String.valueOf(server));
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + db, p)) {
            long poll = openPoll(c);
            c.setAutoCommit(false);
            String ballotColumns = "poll_id, voter_key, delegate_id, point_id, choices, answer_text, voted_at"
                    + (records ? "" : ", command_id");
            String[] names = ballotColumns.split(",\\s*");
            String ballots = "INSERT IGNORE INTO poll_ballots (" + ballotColumns + ") SELECT t."
                    + String.join(", t.", names) + " FROM (" + Jdbc.rowsTable(ballotColumns, VOTES) + ") t"
                    + " JOIN polls p ON p.id = t.poll_id WHERE p.status = 'OPEN' AND p.changeable = FALSE";
            String sql = records
                    ? ballots + ";\ninsert ignore into live_commands"
                            + " (session_id, command_id, type, actor, result, created_at) values "
                            + String.join(", ", Collections.nCopies(VOTES, "(?, ?, ?, ?, ?, ?)"))
                    : ballots;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long cpu0 = mariadbCpuTicks(), t0 = System.nanoTime();
            for (int b = 0; b < BATCHES; b++) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    List<String> ids = new ArrayList<>();
                    LocalDateTime now = LocalDateTime.now();
                    for (int r = 0; r < VOTES; r++) {
                        String id = UUID.randomUUID().toString();
                        ids.add(id);
                        ps.setLong(i++, poll);
                        ps.setString(i++, HexFormat.of().formatHex(sha.digest((poll + "." + b + "." + r).getBytes())));
                        ps.setNull(i++, Types.BIGINT);
                        ps.setLong(i++, r % 50);
                        ps.setLong(i++, 1L << (r % 3));
                        ps.setNull(i++, Types.VARCHAR);
                        ps.setObject(i++, now);
                        if (!records) ps.setString(i++, id);
                    }
                    if (records)
                        for (String id : ids) {
                            ps.setLong(i++, 1);
                            ps.setString(i++, id);
                            ps.setString(i++, "poll.vote");
                            ps.setString(i++, "invitation:0123456789abcdef");
                            ps.setString(i++, "{\"ok\":true}");
                            ps.setObject(i++, now);
                        }
                    int written = records ? firstCount(ps) : ps.executeUpdate();
                    if (written != VOTES) throw new IllegalStateException(written + " ballots of " + VOTES);
                }
                c.commit();
            }
            long cpu1 = mariadbCpuTicks(), t1 = System.nanoTime();
            int votes = BATCHES * VOTES;
            System.out.printf(
                    "%s: MariaDB CPU %.1f us a vote, wall %.1f us a vote (%d votes in %d transactions)%n",
                    variant, (cpu1 - cpu0) * 10_000.0 / votes, (t1 - t0) / 1000.0 / votes, votes, BATCHES);
        }
    }

    /** A copy of the database's first poll, open, one answer per voter: its ballots start empty. */
    static long openPoll(Connection c) throws Exception {
        String columns = "session_id, agenda_item_id, question, kind, max_choices, anonymous, changeable,"
                + " results_hidden, status, voter_salt, opened_at, closed_at, published_at, created_by, created_at,"
                + " updated_at, version";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into polls (" + columns + ") select " + columns + " from polls order by id limit 1");
            long id;
            try (ResultSet rs = s.executeQuery("select last_insert_id()")) {
                rs.next();
                id = rs.getLong(1);
            }
            if (id == 0) throw new IllegalStateException("no poll to copy: run PollLiveTest on this database first");
            s.executeUpdate("update polls set status = 'OPEN', changeable = false where id = " + id);
            return id;
        }
    }

    static int firstCount(PreparedStatement ps) throws Exception {
        int first = -1;
        for (boolean rows = ps.execute(); ; rows = ps.getMoreResults()) {
            if (rows) continue;
            int n = ps.getUpdateCount();
            if (n == -1) return first;
            if (first == -1) first = n;
        }
    }

    /** utime + stime of mariadbd, in clock ticks (10 ms). */
    static long mariadbCpuTicks() throws Exception {
        Process p = new ProcessBuilder("pidof", "mariadbd").start();
        String pid = new String(p.getInputStream().readAllBytes()).trim();
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
}

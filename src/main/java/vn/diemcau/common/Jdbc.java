package vn.diemcau.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plain JDBC beside Hibernate (batched writes): times as Hibernate keeps them (jdbc.timezone=UTC);
 * and long {@code IN} lists, for JDBC and queries alike, in parts of a bounded size.
 */
public final class Jdbc {
    /** Values per {@code IN (...)}: one statement stays small however many rows are asked for. */
    public static final int IN_LIMIT = 1000;

    private Jdbc() {}

    /** {@code values} in consecutive parts of at most {@link #IN_LIMIT}, each to be asked for in one statement. */
    public static <T> List<List<T>> inParts(List<T> values) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_LIMIT)
            parts.add(values.subList(from, Math.min(values.size(), from + IN_LIMIT)));
        return parts;
    }

    /** One row of a result, read from where the result set stands. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * The rows of {@code sql} for these ids, where {@code sql} holds one {@code in (:ids)}: asked for
     * in parts of at most {@link #IN_LIMIT}, in the ids' order (sort them first for a locking read).
     * Plain JDBC: a batch writer's reads skip the ORM's query translation, which costs more than
     * the read for a list of a different length each time.
     */
    public static <T> List<T> selectIn(Connection c, String sql, Collection<Long> ids, Row<T> row) throws SQLException {
        return selectIn(c, sql, List.of(), ids, row);
    }

    /**
     * As {@link #selectIn(Connection, String, Collection, Row)}, for values of any type, with the
     * parameters {@code before} bound ahead of each part's (the {@code ?} that come before {@code :ids}).
     */
    public static <T> List<T> selectIn(Connection c, String sql, List<?> before, Collection<?> values, Row<T> row)
            throws SQLException {
        List<T> out = new ArrayList<>();
        for (List<?> part : inParts(List.copyOf(values))) {
            try (PreparedStatement ps = c.prepareStatement(sql.replace(":ids", marks(part.size())))) {
                int i = 1;
                for (Object v : before) ps.setObject(i++, v);
                for (Object v : part) ps.setObject(i++, v);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row.read(rs));
                }
            }
        }
        return out;
    }

    /**
     * As {@link #selectIn(Connection, String, List, Collection, Row)}, each row read as a key and its
     * value: the map of them (a later row of the same key wins).
     */
    public static <K, V> Map<K, V> selectMap(
            Connection c, String sql, List<?> before, Collection<?> values, Row<Map.Entry<K, V>> row)
            throws SQLException {
        Map<K, V> out = new HashMap<>();
        for (Map.Entry<K, V> e : selectIn(c, sql, before, values, row)) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** Binds one row's values from parameter {@code first} on; answers the next free parameter. */
    @FunctionalInterface
    public interface Binder<T> {
        int bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    /**
     * Writes rows with multi-row statements, {@code head + " values " + row, row, …}, at most
     * {@link #IN_LIMIT} rows each, and answers the affected rows they reported (for {@code insert
     * ignore}: the rows that went in), which a JDBC batch with this driver does not report per row. A
     * failing row fails its whole statement, as it fails a batch. Used where that count is needed;
     * the other writers keep their JDBC batches (a trial with the vote writer was inconclusive:
     * docs/benchmarks-history.md, fifth pass).
     */
    public static <T> int insertRows(Connection c, String head, String row, List<T> rows, Binder<T> binder)
            throws SQLException {
        int count = 0;
        for (List<T> part : inParts(rows)) {
            try (PreparedStatement ps = c.prepareStatement(head + " values " + values(row, part.size()))) {
                int next = 1;
                for (T r : part) next = binder.bind(ps, next, r);
                count += ps.executeUpdate();
            }
        }
        return count;
    }

    /**
     * Writes rows with {@code INSERT … SELECT} from the rows themselves as a derived table, which the
     * statement joins with what must hold for each row to go in, and commits in the same round trip
     * (a MariaDB multi-statement: the connection must allow them, {@link WriterConnections}).
     * {@code aliases}: the derived table's column names ({@code "id, session_id, at"}); {@code
     * statement} makes the whole statement from the derived table's SQL. At most {@link #IN_LIMIT}
     * rows per statement, the last one sent with the {@code COMMIT}. Answers the rows that went in.
     * A failing statement throws before the commit: the caller rolls back.
     */
    public static <T> int insertSelectCommitting(
            Connection c, String aliases, Function<String, String> statement, List<T> rows, Binder<T> binder)
            throws SQLException {
        int count = 0;
        List<List<T>> parts = inParts(rows);
        for (int p = 0; p < parts.size(); p++) {
            List<T> part = parts.get(p);
            String sql = statement.apply(rowsTable(aliases, part.size())) + (p == parts.size() - 1 ? ";\ncommit" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (T r : part) i = binder.bind(ps, i, r);
                count += updateCounts(ps).get(0);
            }
        }
        if (parts.isEmpty()) c.commit();
        return count;
    }

    /**
     * Executes a multi-statement (the connection must allow them) and answers the update count of
     * each statement that is not a query, in order, with every result read (a {@code COMMIT} among
     * them answers 0).
     */
    public static List<Integer> updateCounts(PreparedStatement ps) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        for (boolean rows = ps.execute(); ; rows = ps.getMoreResults()) {
            if (rows) continue; // a result set: not counted
            int n = ps.getUpdateCount();
            if (n == -1) return counts; // no more results
            counts.add(n);
        }
    }

    /**
     * {@code rows} rows of parameters as a derived table whose columns are named {@code aliases}
     * ({@code "id, at"} → {@code select ? id, ? at union all select ?, ? …}), for an {@code INSERT …
     * SELECT} that joins them with what must hold for each to go in.
     */
    public static String rowsTable(String aliases, int rows) {
        String[] names = aliases.split(",");
        String first = Arrays.stream(names).map(n -> "? " + n.trim()).collect(Collectors.joining(", "));
        String next = " union all select " + marks(names.length);
        return "select " + first + next.repeat(rows - 1);
    }

    /** {@code n} parameter marks, {@code "?, ?, ?"}: an {@code IN} list's or a row's. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** {@code row} ({@code "(?, ?, 1)"}) {@code rows} times, for a multi-row {@code VALUES}. */
    public static String values(String row, int rows) {
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /** A nullable BIGINT column. */
    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}

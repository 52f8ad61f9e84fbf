package vn.diemcau.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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

    public static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}

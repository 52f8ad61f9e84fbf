package vn.diemcau.attendance;

import java.time.Instant;
import java.util.List;
import vn.diemcau.unit.UnitLevel;

/**
 * Present / expected per point, rolled up along the session's unit tree, by level and in total.
 * {@code present} counts named check-ins; {@code roomCount} is the operator's latest headcount.
 */
public record AttendanceCounts(
        long sessionId,
        Instant at,
        Tally total,
        List<PointTally> points,
        List<UnitTally> units,
        List<LevelTally> levels) {

    /** Named delegates expected, present, reported absent; roomCount sums the reported headcounts. */
    public record Tally(int expected, int delegates, int present, int absent, int walkIns, int roomCount) {
        Tally plus(Tally o) {
            return new Tally(
                    expected + o.expected,
                    delegates + o.delegates,
                    present + o.present,
                    absent + o.absent,
                    walkIns + o.walkIns,
                    roomCount + o.roomCount);
        }

        static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);
    }

    /** {@code low}: the session has started and fewer than half the expected people are there. */
    public record PointTally(
            long pointId,
            String name,
            boolean mainHall,
            Long unitId,
            Tally tally,
            Integer roomCount,
            Instant roomCountAt,
            boolean low) {}

    public record UnitTally(long unitId, Long parentId, String name, UnitLevel level, Tally tally) {}

    public record LevelTally(UnitLevel level, int units, Tally tally) {}
}

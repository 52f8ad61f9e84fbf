package vn.diemcau.point;

import java.util.List;
import vn.diemcau.unit.UnitLevel;

/** A connection point; the unit fields are the session's snapshot, not the unit's current state. */
public record PointView(
        long id,
        long sessionId,
        String name,
        boolean mainHall,
        Long unitId,
        String unitName,
        UnitLevel unitLevel,
        String unitPath,
        int expectedCount,
        List<String> operators,
        int sortOrder,
        long delegateCount,
        long version) {
    static PointView from(Point p, SessionUnit unit, long delegateCount) {
        return new PointView(
                p.id,
                p.sessionId,
                p.name,
                p.mainHall,
                p.unitId,
                unit == null ? null : unit.name,
                unit == null ? null : unit.level,
                unit == null ? null : unit.path,
                p.expectedCount,
                p.operators.stream().sorted().toList(),
                p.sortOrder,
                delegateCount,
                p.version);
    }
}

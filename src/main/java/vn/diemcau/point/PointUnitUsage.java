package vn.diemcau.point;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.diemcau.unit.UnitUsage;

/** A unit a session has snapshotted or points at is history: it may be retired, not deleted. */
@ApplicationScoped
class PointUnitUsage implements UnitUsage {
    @Override
    @Transactional
    public boolean isUsed(long unitId) {
        return SessionUnit.count("sourceUnitId", unitId) > 0 || Point.count("unitId", unitId) > 0;
    }
}

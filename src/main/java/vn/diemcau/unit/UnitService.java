package vn.diemcau.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.diemcau.common.ProblemException;

@ApplicationScoped
public class UnitService {
    /** The unit's current name, to be snapshotted by whoever refers to it. */
    @Transactional
    public String currentName(long unitId) {
        Unit u = Unit.findById(unitId);
        if (u == null) throw ProblemException.notFound("unit", unitId);
        return u.name;
    }
}

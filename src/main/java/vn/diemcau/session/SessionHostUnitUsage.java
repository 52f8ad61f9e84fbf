package vn.diemcau.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.diemcau.unit.UnitUsage;

/** A unit that hosts a session cannot be deleted (it can still be retired). */
@ApplicationScoped
class SessionHostUnitUsage implements UnitUsage {
    @Override
    @Transactional
    public boolean isUsed(long unitId) {
        return Session.count("hostUnitId", unitId) > 0;
    }
}

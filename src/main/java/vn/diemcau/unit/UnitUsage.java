package vn.diemcau.unit;

/**
 * Whether some feature still refers to a unit (a session's point, …), so it must not be deleted.
 * Implemented by the features that use units, so this one depends on none of them.
 */
public interface UnitUsage {
    boolean isUsed(long unitId);
}

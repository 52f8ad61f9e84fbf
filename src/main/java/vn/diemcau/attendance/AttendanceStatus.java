package vn.diemcau.attendance;

/** A delegate's attendance; NOT_YET is the absence of a check_ins row. */
public enum AttendanceStatus {
    PRESENT,
    ABSENT,
    NOT_YET
}

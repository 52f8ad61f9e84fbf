package vn.diemcau.floor;

/** WAITING → GRANTED → FINISHED, or WAITING → DECLINED / WITHDRAWN. */
public enum FloorRequestStatus {
    WAITING,
    GRANTED,
    FINISHED,
    DECLINED,
    WITHDRAWN;

    public boolean open() {
        return this == WAITING || this == GRANTED;
    }
}

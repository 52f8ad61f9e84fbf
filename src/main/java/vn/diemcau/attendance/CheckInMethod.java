package vn.diemcau.attendance;

/** How a delegate was checked in. */
public enum CheckInMethod {
    /** The operator scanned the delegate's invitation QR with the point console's camera. */
    QR,
    /** The delegate opened their invitation link and tapped "check in" on their phone. */
    LINK,
    /** The operator tapped the delegate in the roster. */
    OPERATOR,
    /** Added on the spot by the operator (not on the roster before). */
    WALK_IN
}

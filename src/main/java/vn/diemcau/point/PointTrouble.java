package vn.diemcau.point;

/** What an operator reports when the link is bad. */
public enum PointTrouble {
    NO_SOUND,
    NO_PICTURE,
    OTHER
}

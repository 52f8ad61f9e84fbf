package vn.diemcau.registration;

/** PENDING until a point's operator or the organizer decides; APPROVED joins the roster. */
public enum RegistrationStatus {
    PENDING,
    APPROVED,
    REJECTED;

    /** Counted against a point's capacity. */
    boolean holdsPlace() {
        return this != REJECTED;
    }
}

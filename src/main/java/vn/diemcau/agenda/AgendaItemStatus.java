package vn.diemcau.agenda;

/** PENDING → ACTIVE → DONE, or SKIPPED; only one item of a session is ACTIVE at a time. */
public enum AgendaItemStatus {
    PENDING,
    ACTIVE,
    DONE,
    SKIPPED
}
